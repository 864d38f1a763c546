import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside its own frame on a narrow screen. The frame takes
 * the keyboard focus, so that it can be scrolled with the arrow keys (the DSFR's own scrolling
 * frame cannot be focused). Its child is a DSFR table with `noScroll` (or `fr-table--no-scroll`).
 */
export function TableauDefilant({ legende, children }: { legende: string; children: ReactNode }) {
  return (
    <div className="trj-defilement" role="region" aria-label={legende} tabIndex={0}>
      {children}
    </div>
  );
}
