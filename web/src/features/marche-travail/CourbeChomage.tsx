import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { useId } from 'react';
import { formaterTaux, libelleTrimestre } from './format.js';

export interface SerieChomage {
  nom: string;
  points: { trimestre: string; taux: number }[];
}

const LARGEUR = 640;
const HAUTEUR = 280;
const MARGE = { haut: 16, droite: 16, bas: 36, gauche: 44 };
// Distinct by colour and by dash, so that lines stay apart without colour vision.
const TRAITS = [
  { couleur: 'var(--text-action-high-blue-france)', tirets: undefined },
  { couleur: 'var(--text-default-error)', tirets: '8 4' },
  { couleur: 'var(--text-default-success)', tirets: '2 4' },
  { couleur: 'var(--text-mention-grey)', tirets: '12 4 2 4' },
];

const anneeDe = (trimestre: string) => Number(trimestre.slice(0, 4));
const rang = (trimestre: string) => anneeDe(trimestre) * 4 + Number(trimestre.slice(-1)) - 1;

/**
 * Quarterly unemployment rates as an SVG line chart with a title and a description for screen
 * readers, followed by the same figures in a table. Up to four series (one per employment area).
 */
export function CourbeChomage({ titre, series }: { titre: string; series: SerieChomage[] }) {
  const base = useId().replace(/:/g, '');
  const tous = series.flatMap((s) => s.points);
  if (tous.length === 0) return <p>Aucun taux de chômage publié pour ce territoire.</p>;
  const debut = Math.min(...tous.map((p) => rang(p.trimestre)));
  const fin = Math.max(...tous.map((p) => rang(p.trimestre)));
  const maxTaux = Math.ceil(Math.max(...tous.map((p) => p.taux)) / 2) * 2;
  const largeurUtile = LARGEUR - MARGE.gauche - MARGE.droite;
  const hauteurUtile = HAUTEUR - MARGE.haut - MARGE.bas;
  const x = (trimestre: string) => MARGE.gauche + ((rang(trimestre) - debut) / Math.max(1, fin - debut)) * largeurUtile;
  const y = (t: number) => MARGE.haut + hauteurUtile - (t / maxTaux) * hauteurUtile;
  const graduations = Array.from({ length: maxTaux / 2 + 1 }, (_, i) => i * 2);
  const anneeDebut = Math.floor(debut / 4);
  const anneeFin = Math.floor(fin / 4);
  const pas = anneeFin - anneeDebut > 12 ? 4 : 2;
  const annees = Array.from({ length: Math.floor((anneeFin - anneeDebut) / pas) + 1 }, (_, i) => anneeDebut + i * pas);
  const premier = tous.reduce((a, b) => (rang(a.trimestre) <= rang(b.trimestre) ? a : b));

  const description = series
    .map((s) => {
      const premierPoint = s.points[0];
      const dernier = s.points.at(-1);
      if (!premierPoint || !dernier) return `${s.nom} : aucune valeur.`;
      const min = s.points.reduce((a, b) => (b.taux < a.taux ? b : a));
      const max = s.points.reduce((a, b) => (b.taux > a.taux ? b : a));
      return (
        `${s.nom} : ${formaterTaux(premierPoint.taux)} au ${libelleTrimestre(premierPoint.trimestre)}, ${formaterTaux(dernier.taux)} au ${libelleTrimestre(dernier.trimestre)} ; ` +
        `au plus bas ${formaterTaux(min.taux)} (${libelleTrimestre(min.trimestre)}), au plus haut ${formaterTaux(max.taux)} (${libelleTrimestre(max.trimestre)}).`
      );
    })
    .join(' ');

  const trimestres = [...new Set(tous.map((p) => p.trimestre))].sort((a, b) => rang(a) - rang(b));
  const valeurs = series.map((s) => new Map(s.points.map((p) => [p.trimestre, p.taux])));

  return (
    <figure className="trj-courbe fr-my-2w">
      <svg viewBox={`0 0 ${LARGEUR} ${HAUTEUR}`} role="img" aria-labelledby={`${base}-titre ${base}-desc`} className="trj-courbe__svg">
        <title id={`${base}-titre`}>{titre}</title>
        <desc id={`${base}-desc`}>{description}</desc>
        {graduations.map((g) => (
          <g key={g}>
            <line x1={MARGE.gauche} x2={LARGEUR - MARGE.droite} y1={y(g)} y2={y(g)} className="trj-courbe__grille" />
            <text x={MARGE.gauche - 6} y={y(g) + 4} textAnchor="end" className="trj-courbe__texte">
              {g} %
            </text>
          </g>
        ))}
        {annees.map((a) => (
          <text key={a} x={x(`${a}-T1`)} y={HAUTEUR - 10} textAnchor="middle" className="trj-courbe__texte">
            {a}
          </text>
        ))}
        {series.map((s, i) => {
          const trait = TRAITS[i % TRAITS.length]!;
          return (
            <polyline
              key={s.nom}
              points={s.points.map((p) => `${x(p.trimestre).toFixed(1)},${y(p.taux).toFixed(1)}`).join(' ')}
              fill="none"
              stroke={trait.couleur}
              strokeWidth={2}
              strokeDasharray={trait.tirets}
            />
          );
        })}
      </svg>
      {series.length > 1 && (
        <ul className="trj-courbe__legende">
          {series.map((s, i) => {
            const trait = TRAITS[i % TRAITS.length]!;
            return (
              <li key={s.nom}>
                <svg width="32" height="10" aria-hidden="true" focusable="false">
                  <line x1="0" x2="32" y1="5" y2="5" stroke={trait.couleur} strokeWidth={2} strokeDasharray={trait.tirets} />
                </svg>{' '}
                {s.nom}
              </li>
            );
          })}
        </ul>
      )}
      <figcaption className="fr-text--sm trj-source">
        Taux de chômage trimestriel, corrigé des variations saisonnières, depuis le {libelleTrimestre(premier.trimestre)}.
      </figcaption>
      <Accordion label="Voir les données du graphique en tableau" className="fr-mt-1w">
        <div className="fr-table fr-table--no-caption trj-courbe__tableau">
          <table>
            <caption>{titre}</caption>
            <thead>
              <tr>
                <th scope="col">Trimestre</th>
                {series.map((s) => (
                  <th key={s.nom} scope="col">
                    {s.nom}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...trimestres].reverse().map((t) => (
                <tr key={t}>
                  <th scope="row">{libelleTrimestre(t)}</th>
                  {valeurs.map((v, i) => {
                    const valeur = v.get(t);
                    return <td key={series[i]!.nom}>{valeur === undefined ? 'non publié' : formaterTaux(valeur)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Accordion>
    </figure>
  );
}
