import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { Horaires } from '../../api/types.js';

const JOURS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'] as const;

export interface Plage {
  debut: string;
  fin: string;
}
/** The ranges of each day, Monday (index 0) to Sunday: what the form edits. */
export type Semaine = Plage[][];

export function semaineDe(horaires: Horaires | null): Semaine {
  const semaine: Semaine = JOURS.map(() => []);
  for (const { jours, plages } of horaires ?? []) for (const jour of jours) semaine[jour - 1] = plages.map((p) => ({ ...p }));
  return semaine;
}

/**
 * The hours to send, one entry per open day (the API groups consecutive days itself), and which
 * day each entry stands for, to show the API's errors (`horaires.2.plages`) next to their day.
 */
export function horairesDe(semaine: Semaine): { horaires: Horaires | null; jourDeLEntree: number[] } {
  const jourDeLEntree: number[] = [];
  const horaires: Horaires = [];
  semaine.forEach((plages, i) => {
    const saisies = plages.filter((p) => p.debut !== '' || p.fin !== '');
    if (saisies.length === 0) return;
    jourDeLEntree.push(i);
    horaires.push({ jours: [i + 1], plages: saisies });
  });
  return { horaires: horaires.length ? horaires : null, jourDeLEntree };
}

/** Opening hours, day by day: plain time fields, each with its label, a fieldset per day. */
export function EditeurHoraires({ semaine, onChange, erreurs }: { semaine: Semaine; onChange: (s: Semaine) => void; erreurs: (string | undefined)[] }) {
  const changer = (jour: number, plages: Plage[]) => onChange(semaine.map((p, i) => (i === jour ? plages : p)));
  return (
    <fieldset className="fr-fieldset" aria-describedby="aide-horaires">
      <legend className="fr-fieldset__legend">Horaires d’ouverture</legend>
      <p id="aide-horaires" className="fr-hint-text fr-fieldset__element">
        Pour chaque jour, les plages d’ouverture (par exemple 09:00 à 12:00 puis 13:30 à 17:00). Un jour sans plage est fermé.
      </p>
      {JOURS.map((nom, jour) => {
        const plages = semaine[jour] ?? [];
        const erreur = erreurs[jour];
        return (
          <fieldset
            key={nom}
            className={`fr-fieldset fr-fieldset__element trj-jour${erreur ? ' fr-fieldset--error' : ''}`}
            aria-describedby={erreur ? `erreur-jour-${jour}` : undefined}
          >
            <legend className="fr-fieldset__legend fr-fieldset__legend--regular">{nom}</legend>
            {plages.length === 0 && <p className="fr-fieldset__element fr-mb-1w">Fermé</p>}
            {plages.map((plage, p) => (
              <div key={p} className="fr-fieldset__element trj-plage">
                <Input
                  className="fr-mb-1w"
                  label={`Ouverture (plage ${p + 1})`}
                  nativeInputProps={{
                    type: 'time',
                    value: plage.debut,
                    onChange: (e) =>
                      changer(
                        jour,
                        plages.map((x, i) => (i === p ? { ...x, debut: e.target.value } : x)),
                      ),
                  }}
                />
                <Input
                  className="fr-mb-1w"
                  label={`Fermeture (plage ${p + 1})`}
                  nativeInputProps={{
                    type: 'time',
                    value: plage.fin,
                    onChange: (e) =>
                      changer(
                        jour,
                        plages.map((x, i) => (i === p ? { ...x, fin: e.target.value } : x)),
                      ),
                  }}
                />
                <Button
                  type="button"
                  priority="tertiary no outline"
                  size="small"
                  onClick={() =>
                    changer(
                      jour,
                      plages.filter((_, i) => i !== p),
                    )
                  }
                >
                  Retirer la plage {p + 1} du {nom.toLowerCase()}
                </Button>
              </div>
            ))}
            {plages.length < 4 && (
              <div className="fr-fieldset__element">
                <Button
                  type="button"
                  priority="secondary"
                  size="small"
                  iconId="fr-icon-add-line"
                  onClick={() => changer(jour, [...plages, { debut: '', fin: '' }])}
                >
                  Ajouter une plage le {nom.toLowerCase()}
                </Button>
              </div>
            )}
            {erreur && (
              <p id={`erreur-jour-${jour}`} className="fr-message fr-message--error fr-fieldset__element">
                {erreur}
              </p>
            )}
          </fieldset>
        );
      })}
    </fieldset>
  );
}
