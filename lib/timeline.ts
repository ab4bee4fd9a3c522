/** One step of a timeline: what happened, when (null: not yet), and who did it (empty: not said). */
export interface TimelineStep {
  label: string;
  at: number | null;
  by: string;
}
