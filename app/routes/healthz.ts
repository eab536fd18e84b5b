import { db } from "~/db.server";

// For load balancers and monitoring: 200 only after a real query against the database.
export async function loader() {
  try {
    const roles = await db.role.count();
    if (roles === 0) throw new Error("reference data missing: run the migrations");
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("[healthz] database check failed", error);
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
