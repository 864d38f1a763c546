import type { Horaires as HorairesStructures } from '../../api/types.js';

const JOURS = ['', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

function heure(h: string): string {
  const [hh, mm] = h.split(':');
  return mm && mm !== '00' ? `${Number(hh)} h ${mm}` : `${Number(hh)} h`;
}

function joursEnTexte(jours: number[]): string {
  const tries = [...jours].sort((a, b) => a - b);
  const consecutifs = tries.length > 2 && tries.every((j, i) => i === 0 || j === (tries[i - 1] ?? 0) + 1);
  if (consecutifs) return `Du ${JOURS[tries[0] ?? 1]} au ${JOURS[tries[tries.length - 1] ?? 7]}`;
  const noms = tries.map((j) => JOURS[j] ?? String(j));
  const texte = noms.length > 1 ? `${noms.slice(0, -1).join(', ')} et ${noms[noms.length - 1]}` : (noms[0] ?? '');
  return texte.charAt(0).toUpperCase() + texte.slice(1);
}

/** Opening hours: the structured form when known, otherwise the text as published by the source. */
export function Horaires({ horaires, texte }: { horaires: HorairesStructures | null; texte: string | null }) {
  if (horaires && horaires.length > 0) {
    return (
      <ul className="trj-liste-simple">
        {horaires.map((h, i) => (
          <li key={i}>
            {joursEnTexte(h.jours)} : {h.plages.length === 0 ? 'fermé' : h.plages.map((p) => `de ${heure(p.debut)} à ${heure(p.fin)}`).join(' et ')}
          </li>
        ))}
      </ul>
    );
  }
  if (texte) return <p className="fr-mb-0">{texte}</p>;
  return <p className="fr-mb-0">Horaires non renseignés : contactez la structure.</p>;
}
