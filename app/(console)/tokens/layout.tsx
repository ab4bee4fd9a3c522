import { permissionLayout } from "@/components/shell/permission-layout";

// /tokens — refused before its skeleton streams, so the answer is a 403.
export default permissionLayout("tokens.manage", "/tokens");
