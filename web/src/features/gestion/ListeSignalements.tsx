import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { type Signalement, listerSignalements, traiterSignalement } from './api.js';
import { RetourEnvoi, useEnvoi } from './envoi.js';
import { OBJETS, dateHeure } from './libelles.js';

type Statut = 'ouverts' | 'traites' | 'tous';

/** Errors reported by the public on the structure's record, and their handling. */
export function ListeSignalements({ structureId }: { structureId: string }) {
  const [statut, setStatut] = useState<Statut>('ouverts');
  const [rechargement, setRechargement] = useState(0);
  const etat = useDonnees((signal) => listerSignalements({ structure_id: structureId, statut }, signal), [structureId, statut, rechargement]);
  const { enCours, erreur, succes, envoyer } = useEnvoi();

  const traiter = async (s: Signalement) => {
    const fait = await envoyer(() => traiterSignalement(s.id), 'Le signalement est marqué comme traité ; l’adresse de la personne est effacée.');
    if (fait) setRechargement((n) => n + 1);
  };

  return (
    <>
      <Select label="Signalements à afficher" nativeSelectProps={{ value: statut, onChange: (e) => setStatut(e.target.value as Statut) }}>
        <option value="ouverts">À traiter</option>
        <option value="traites">Traités</option>
        <option value="tous">Tous</option>
      </Select>
      <RetourEnvoi erreur={erreur} succes={succes} onRecharger={() => setRechargement((n) => n + 1)} />
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="Les signalements n’ont pas pu être affichés" />}
      {!etat.donnees && etat.statut === 'chargement' && <Chargement texte="Chargement des signalements…" />}
      {etat.donnees?.signalements.length === 0 && <p>{statut === 'ouverts' ? 'Aucun signalement à traiter.' : 'Aucun signalement.'}</p>}
      <ul className="trj-liste-nue">
        {etat.donnees?.signalements.map((s) => (
          <li key={s.id} className="fr-card fr-card--no-arrow fr-mb-2w">
            <div className="fr-card__body">
              <div className="fr-card__content">
                <h3 className="fr-card__title">
                  {OBJETS[s.objet.type]} : {s.objet.nom ?? 'fiche supprimée depuis'}
                </h3>
                <p className="fr-card__desc trj-texte-saisi">{s.message}</p>
                <p className="fr-card__detail">
                  Reçu le {dateHeure(s.cree_le)}
                  {s.traite_le ? ` · traité le ${dateHeure(s.traite_le)}` : ''}
                  {s.courriel ? ` · pour répondre : ${s.courriel}` : ''}
                </p>
              </div>
              {!s.traite_le && (
                <div className="fr-card__footer">
                  <Button size="small" disabled={enCours} onClick={() => void traiter(s)}>
                    Marquer comme traité
                  </Button>
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
