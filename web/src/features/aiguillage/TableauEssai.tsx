import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { Essai } from './api.js';
import { Decision } from './Decision.js';
import { texteFaits } from './libelles.js';

/** A version run on the test profiles: for each, the expected and the obtained answer. */
export function TableauEssai({ essai }: { essai: Essai }) {
  const echoues = essai.profils.filter((p) => !p.reussi);
  return (
    <>
      <p role="status" className="fr-text--lg">
        {essai.echoues === 0
          ? `Les ${essai.reussis} profils de test reçoivent la réponse attendue.`
          : `${essai.echoues} profil${essai.echoues > 1 ? 's' : ''} sur ${essai.profils.length} ne reçoi${essai.echoues > 1 ? 'vent' : 't'} pas la réponse attendue par la table nationale.`}
      </p>
      {echoues.length > 0 && (
        <p>
          Un écart n’est pas forcément une erreur : une règle régionale peut changer une réponse volontairement. Vérifiez que chaque écart est celui que vous
          voulez.
        </p>
      )}
      <Table
        caption="Résultat de l’essai pour chaque profil de test (les écarts d’abord)"
        headers={['Profil', 'Réponse attendue', 'Réponse obtenue', 'Résultat']}
        data={[...echoues, ...essai.profils.filter((p) => p.reussi)].map((p) => [
          <>
            <strong>{p.description}</strong>
            <br />
            <span className="fr-text--sm">{texteFaits(p.faits)}</span>
          </>,
          <Decision key="a" decision={p.attendu} />,
          <Decision key="o" decision={p.obtenu} />,
          p.reussi ? (
            <Badge key="r" severity="success" small as="span">
              Réussi
            </Badge>
          ) : (
            <Badge key="r" severity="error" small as="span">
              Écart
            </Badge>
          ),
        ])}
      />
    </>
  );
}
