import { permissionLayout } from "@/components/shell/permission-layout";

// /audit — refused before its skeleton streams, so the answer is a 403.
export default permissionLayout("audit.read", "/audit");
