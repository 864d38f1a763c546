import type { Effectif } from '../../api/marche-travail.js';
import { formaterEffectif, formaterPart } from './format.js';

interface Chiffres {
  projets: Effectif;
  difficiles: Effectif;
  saisonniers: Effectif;
  part_difficiles: number | null;
  part_saisonniers: number | null;
}

/** A BMO figure as a large number, or the words "secret statistique" in a smaller size (never 0). */
function Chiffre({ texte, secret }: { texte: string; secret: boolean }) {
  return <span className={secret ? 'trj-chiffre trj-chiffre--secret' : 'trj-chiffre'}>{texte}</span>;
}

/** Recruitment projects of an occupation in an area: count, share judged difficult, share seasonal. */
export function ChiffresRecrutement({ chiffres }: { chiffres: Chiffres }) {
  const { projets, difficiles, saisonniers, part_difficiles: partDifficiles, part_saisonniers: partSaisonniers } = chiffres;
  return (
    <ul className="trj-chiffres">
      <li>
        <Chiffre texte={formaterEffectif(projets)} secret={projets.secret} /> projets de recrutement
      </li>
      <li>
        <Chiffre texte={formaterPart(partDifficiles)} secret={partDifficiles === null} /> jugés difficiles par les employeurs
        {difficiles.valeur !== null && ` (${formaterEffectif(difficiles)})`}
      </li>
      <li>
        <Chiffre texte={formaterPart(partSaisonniers)} secret={partSaisonniers === null} /> saisonniers
        {saisonniers.valeur !== null && ` (${formaterEffectif(saisonniers)})`}
      </li>
    </ul>
  );
}
