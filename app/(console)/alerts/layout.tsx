import { permissionLayout } from "@/components/shell/permission-layout";

// /alerts — refused before its skeleton streams, so the answer is a 403.
export default permissionLayout("data.read", "/alerts");
