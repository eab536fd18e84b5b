// Unknown addresses get a real 404 and the Swedish error page; signed-in users only, like every page.
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export async function action() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
