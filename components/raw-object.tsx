/** Sendbird's own object, credentials already removed, folded away under the page. */
export function RawObject({ value }: { value: unknown }) {
  return (
    <details className="rounded-lg border p-4">
      <summary className="cursor-pointer text-sm font-medium">Sendbird&apos;s object (credentials removed)</summary>
      <pre className="mt-3 max-h-96 overflow-auto text-xs">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}
