import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useForm, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "./parse";

/**
 * react-hook-form with the form's zod schema in the browser; when the input is valid the
 * real <Form> is submitted as is, so the server sees what it would see without JavaScript
 * and validates it again with the same schema.
 */
export function useValidatedForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, serverErrors?: FieldErrors) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    mode: "onTouched",
  });
  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    void form.handleSubmit(() => submit(target))(event);
  };
  const errorFor = (name: string): string | undefined => {
    const clientError = form.formState.errors[name]?.message;
    return typeof clientError === "string" ? clientError : serverErrors?.[name];
  };
  return { register: form.register, onSubmit, errorFor };
}
