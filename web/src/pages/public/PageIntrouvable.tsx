import { useTitrePage } from '../../components/useTitrePage.js';
import { Lien } from '../../routeur.js';

export function PageIntrouvable() {
  useTitrePage('Page introuvable');
  return (
    <div className="fr-container fr-py-6w">
      <h1>Page introuvable</h1>
      <p className="fr-text--lead">La page que vous cherchez n’existe pas ou a été déplacée.</p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Lien className="fr-btn" href="/">
            Page d’accueil
          </Lien>
        </li>
        <li>
          <Lien className="fr-btn fr-btn--secondary" href="/annuaire">
            Trouver un service
          </Lien>
        </li>
      </ul>
    </div>
  );
}
