import { permissionLayout } from "@/components/shell/permission-layout";

// /live-events/new — refused before its skeleton streams, so the answer is a 403.
export default permissionLayout("liveEvents.operate", "/live-events/new");
