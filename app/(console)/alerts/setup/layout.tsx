import { permissionLayout } from "@/components/shell/permission-layout";

// /alerts/setup — admins only; refused before its skeleton streams, so the answer is a 403.
export default permissionLayout("alerts.manage", "/alerts/setup");
