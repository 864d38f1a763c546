import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useTitrePage } from '../../components/useTitrePage.js';
import { PerspectivesLocales } from '../../features/marche-travail/PerspectivesLocales.js';

/** "?rome=M1607&libelle=Secrétariat": a page about an occupation may link here with it. */
function romeDe(recherche: string): { code: string; libelle: string } | undefined {
  const p = new URLSearchParams(recherche);
  const code = p.get('rome')?.toUpperCase() ?? '';
  return /^[A-N]\d{4}$/.test(code) ? { code, libelle: p.get('libelle')?.trim() || code } : undefined;
}

/** The local labour market of an occupation near a commune, on its own page. */
export function PageMarcheDuTravail({ recherche }: { recherche: string }) {
  useTitrePage('Le marché du travail près de chez vous');
  const rome = romeDe(recherche);
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb currentPageLabel="Marché du travail" homeLinkProps={{ href: '/' }} segments={[]} />
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-10">
          <h1>Le marché du travail près de chez vous</h1>
          <p className="fr-text--lead">
            Combien d’employeurs prévoient de recruter dans un métier autour d’une commune, si ces recrutements sont jugés difficiles, et comment évolue le
            chômage de la zone.
          </p>
          <PerspectivesLocales key={rome?.code ?? ''} {...(rome ? { rome } : {})} />
        </div>
      </div>
    </div>
  );
}
