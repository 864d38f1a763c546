import type { DecisionResumee } from '../../../../src/modules/aiguillage/aiguillage.contract.js';
import { LIBELLES_OPERATEURS } from './libelles.js';

/** A decision on one line: the operators (the recommended one marked), then the other orientations. */
export function Decision({ decision }: { decision: DecisionResumee }) {
  if (decision.operateurs.length === 0 && decision.autres_orientations.length === 0) return <>Aucune orientation</>;
  return (
    <>
      {decision.operateurs.map((o) => `${LIBELLES_OPERATEURS[o]}${o === decision.recommande ? ' (conseillé)' : ''}`).join(', ') || 'Aucun opérateur'}
      {decision.autres_orientations.length > 0 && (
        <>
          <br />
          <span className="fr-text--sm">Autres orientations : {decision.autres_orientations.join(', ')}</span>
        </>
      )}
    </>
  );
}
