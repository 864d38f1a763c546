import type { FicheMetier, Questionnaire } from '../../api/metiers.js';

type Lettre = NonNullable<FicheMetier['riasec']['majeur']>;

function Interet({ rang, lettre, descriptions }: { rang: string; lettre: Lettre; descriptions: Map<string, string> }) {
  const description = descriptions.get(lettre.code);
  return (
    <li>
      <strong>
        {rang} : {lettre.nom}
      </strong>
      {description && <> – {description.charAt(0).toLowerCase() + description.slice(1)}</>}
    </li>
  );
}

/**
 * The fiche's RIASEC code said in words: the interests of the people who like this occupation.
 * The descriptions come from the questionnaire's letters when it could be read.
 */
export function RiasecFiche({ riasec, lettres }: { riasec: FicheMetier['riasec']; lettres: Questionnaire['lettres'] | null }) {
  if (!riasec.majeur) return <p>Le ROME n’associe pas de centre d’intérêt à cette fiche.</p>;
  const descriptions = new Map((lettres ?? []).map((l) => [l.code as string, l.description]));
  return (
    <>
      <p>Les personnes qui exercent ce métier aiment en général :</p>
      <ul>
        <Interet rang="D’abord" lettre={riasec.majeur} descriptions={descriptions} />
        {riasec.mineur && <Interet rang="Ensuite" lettre={riasec.mineur} descriptions={descriptions} />}
      </ul>
      <p className="fr-text--sm">
        Code RIASEC {riasec.majeur.code}
        {riasec.mineur?.code ?? ''} du ROME (types d’intérêts professionnels de J. L. Holland).
      </p>
    </>
  );
}
