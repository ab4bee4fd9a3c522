import { permissionLayout } from "@/components/shell/permission-layout";

// /settings — refused before its skeleton streams, so the answer is a 403.
export default permissionLayout("accounts.manage", "/settings");
