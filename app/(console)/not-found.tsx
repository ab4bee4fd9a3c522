import { NothingHere } from "@/components/errors/refusals";

// 404 inside the console's frame (the layout above draws it).
export default function NotFound() {
  return <NothingHere />;
}
