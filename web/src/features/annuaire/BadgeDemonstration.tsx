import { Badge } from '@codegouvfr/react-dsfr/Badge';

/** Fictitious records of the demonstration territory are always flagged. */
export function BadgeDemonstration({ small = false }: { small?: boolean }) {
  return (
    <Badge severity="warning" small={small} as="span" className="trj-badge-demo">
      Démonstration
    </Badge>
  );
}
