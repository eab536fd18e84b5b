// Instants on Stockholm clocks for a few hundred thousand generated rows. The app's
// stockholmInstant asks Intl for the offset on every call, which is too slow at this volume;
// the offset is taken once per calendar date instead (all generated times lie between 07:00
// and 18:00, far from the night-time DST switch).
import type { Random } from "../../prisma/demo/random";
import { stockholmInstant } from "~/domain/dates";

export type Clock = {
  /** The instant at which Stockholm clocks show `date` `time` ("HH:MM"). */
  at(date: string, time: string): Date;
  /** A working-hours instant on `date` (08:00–16:55, five-minute steps). */
  during(date: string, random: Random): Date;
};

export function createClock(): Clock {
  const offsets = new Map<string, number>();
  const at = (date: string, time: string) => {
    let offset = offsets.get(date);
    if (offset === undefined) {
      offset = Date.parse(`${date}T12:00:00Z`) - stockholmInstant(date, "12:00").getTime();
      offsets.set(date, offset);
    }
    return new Date(Date.parse(`${date}T${time}:00Z`) - offset);
  };
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    at,
    during: (date, random) => at(date, `${pad(random.int(8, 16))}:${pad(random.int(0, 11) * 5)}`),
  };
}
