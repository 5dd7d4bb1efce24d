/** A form-level message. Errors are announced (role=alert); success is polite (role=status). */
export function FormMessage({ kind, title, children }: { kind: "error" | "success"; title?: string; children: React.ReactNode }) {
  const styles = kind === "error" ? "border-danger bg-red-50 text-danger" : "border-success bg-green-50 text-success";
  return (
    <div role={kind === "error" ? "alert" : "status"} className={`rounded-md border-s-4 p-4 ${styles}`}>
      {title ? <p className="font-bold">{title}</p> : null}
      <p>{children}</p>
    </div>
  );
}
