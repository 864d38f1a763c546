import { Table } from '@codegouvfr/react-dsfr/Table';
import type { ContenuRegles as Contenu } from './api.js';
import { LIBELLES_OPERATEURS, LIBELLES_SITUATIONS, texteCondition } from './libelles.js';

/** A rule set in words: its rules, the recommendation order of each situation, the other orientations. */
export function ContenuRegles({ contenu }: { contenu: Contenu }) {
  return (
    <>
      <p>{contenu.description}</p>
      <h2>Règles</h2>
      <Table
        caption="Quand chaque opérateur est compétent, et la phrase donnée à la personne"
        headers={['Opérateur', 'Condition', 'Raison donnée', 'Source']}
        data={contenu.regles.map((r) => [
          LIBELLES_OPERATEURS[r.operateur],
          texteCondition(r.condition),
          r.raison,
          <span key="s" className="fr-text--sm">
            {r.source}
          </span>,
        ])}
      />
      <h2>Opérateur conseillé selon la situation</h2>
      <p>Parmi les opérateurs compétents, le premier de la liste de la situation est conseillé, avec sa raison.</p>
      <Table
        caption="Ordre de recommandation par situation"
        headers={['Situation', 'Ordre']}
        data={contenu.recommandation.map((p) => [
          LIBELLES_SITUATIONS[p.situation],
          <ol key="o" className="fr-mb-0">
            {p.ordre.map((o) => (
              <li key={o.operateur}>{LIBELLES_OPERATEURS[o.operateur]}</li>
            ))}
          </ol>,
        ])}
      />
      <h2>Autres orientations</h2>
      <Table
        caption="Orientations proposées en dehors des cinq opérateurs"
        headers={['Orientation', 'Condition', 'Raison donnée', 'Lieux de l’annuaire']}
        data={contenu.autres_orientations.map((o) => [o.libelle, texteCondition(o.condition), o.raison, o.reseaux_annuaire.join(', ') || '—'])}
      />
      <h2>Contacts à distance et documents à apporter</h2>
      <Table
        caption="Ce que la réponse donne pour chaque opérateur"
        headers={['Opérateur', 'À distance', 'À apporter']}
        data={Object.values(contenu.operateurs).map((o) => [
          o.libelle,
          o.canaux_distance.map((c) => c.libelle).join(', ') || '—',
          o.a_apporter.join(' ; ') || '—',
        ])}
      />
    </>
  );
}
