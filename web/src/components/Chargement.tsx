/** Loading state: announced politely to screen readers. */
export function Chargement({ texte = 'Chargement en cours…' }: { texte?: string }) {
  return (
    <div className="trj-chargement" role="status">
      <span className="fr-icon-refresh-line fr-mr-1w" aria-hidden="true" />
      {texte}
    </div>
  );
}
