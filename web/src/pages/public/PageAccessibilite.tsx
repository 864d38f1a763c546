import { useContext } from 'react';
import { MarqueContexte } from '../../components/marque.js';
import { useTitrePage } from '../../components/useTitrePage.js';

const DATE_DECLARATION = '8 décembre 2026';

/**
 * The accessibility statement in the RGAA 4.1 form. Its level stays "non conforme" as long as no
 * full audit of the 106 criteria has been made: automated checks alone cannot establish a rate.
 */
export function PageAccessibilite() {
  const { service } = useContext(MarqueContexte);
  useTitrePage('Déclaration d’accessibilité');
  return (
    <div className="fr-container fr-py-6w">
      <h1>Déclaration d’accessibilité</h1>
      <p className="fr-text--lead">
        L’équipe de {service} s’engage à rendre ce site accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration
        d’accessibilité s’applique à {service}.
      </p>

      <h2>État de conformité</h2>
      <p>
        {service} est <strong>non conforme</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1 : aucun audit complet des
        critères du référentiel n’a encore été réalisé.
      </p>

      <h2>Résultats des tests</h2>
      <p>Aucun audit de conformité n’a été mené : aucun taux de conformité ne peut être annoncé. Les vérifications faites à ce jour sont les suivantes.</p>
      <h3>Vérifié automatiquement à chaque modification du site</h3>
      <p>
        Les pages visitées par les parcours de test, les unes sur écran d’ordinateur (1280 pixels de large), les autres sur téléphone (375 pixels de large),
        sont analysées par axe-core dans Chromium, sans aucune violation admise. Cette analyse couvre notamment :
      </p>
      <ul>
        <li>les alternatives textuelles des images (thématique 1) ;</li>
        <li>le contraste des textes (critère 3.2) ;</li>
        <li>la présence d’un intitulé sur chaque lien (critère 6.2) et sur chaque bouton ;</li>
        <li>la langue et le titre de chaque page (critères 8.3 et 8.5), la validité des attributs ARIA ;</li>
        <li>la présence et l’ordre des titres, les zones de la page (critères 9.1 et 12.6) ;</li>
        <li>les étiquettes des champs de formulaire (critère 11.1).</li>
      </ul>
      <h3>Vérifié par des parcours écrits, au clavier et sur téléphone</h3>
      <ul>
        <li>les liens d’évitement, dont le premier mène au contenu (critère 12.7) ;</li>
        <li>la recherche dans l’annuaire, le choix d’une commune dans la liste proposée et l’ouverture d’un résultat au clavier seul (critère 12.8) ;</li>
        <li>le déplacement du focus vers le contenu à chaque changement de page et vers les résultats d’une recherche ;</li>
        <li>l’absence de défilement horizontal sur téléphone à 375 pixels de large pour les pages de ces parcours (critère 10.11).</li>
      </ul>
      <p>Aucune vérification manuelle par un auditeur (lecteur d’écran, agrandissement, restitution sans styles) n’a encore été faite.</p>

      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités connues</h3>
      <ul>
        <li>Avec un texte agrandi à 200 %, les pages défilent horizontalement (critère 10.4).</li>
        <li>Le tableau du journal des accès ne peut pas être parcouru au clavier sur un écran de 375 pixels de large.</li>
        <li>Dans « Trouver mon conseiller », le focus n’est pas porté sur le premier champ en erreur lorsqu’une réponse manque.</li>
        <li>Sur les cartes, les repères des lieux répètent leur intitulé, qu’un lecteur d’écran lit deux fois.</li>
        <li>Aucune adresse dédiée au signalement d’un défaut d’accessibilité n’est encore publiée (voir « Retour d’information et contact »).</li>
      </ul>

      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le {DATE_DECLARATION}.</p>
      <h3>Technologies utilisées pour la réalisation du site</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS (système de design de l’État, DSFR)</li>
        <li>JavaScript (React)</li>
        <li>WAI-ARIA</li>
      </ul>
      <h3>Environnement de test</h3>
      <p>Navigateur Chromium, piloté par Playwright, à 1280 × 900 et à 375 × 800 pixels.</p>
      <h3>Outils pour évaluer l’accessibilité</h3>
      <ul>
        <li>axe-core, sur chaque page visitée par les parcours de test</li>
      </ul>

      <h2>Retour d’information et contact</h2>
      <p>
        Aucune adresse dédiée au signalement d’un défaut d’accessibilité n’est encore publiée : c’est une non-conformité connue, que l’opérateur de ce site
        lèvera en indiquant ici une adresse électronique ou un formulaire de contact. Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez
        d’ores et déjà saisir le Défenseur des droits par les voies ci-dessous.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de réponse
        satisfaisante, vous êtes en droit de saisir le Défenseur des droits :
      </p>
      <ul>
        <li>
          par le{' '}
          <a
            href="https://formulaire.defenseurdesdroits.fr/"
            target="_blank"
            rel="noopener noreferrer"
            title="formulaire de contact du Défenseur des droits – nouvelle fenêtre"
          >
            formulaire de contact en ligne
          </a>{' '}
          ;
        </li>
        <li>
          auprès d’un{' '}
          <a
            href="https://www.defenseurdesdroits.fr/saisir/delegues"
            target="_blank"
            rel="noopener noreferrer"
            title="délégués du Défenseur des droits – nouvelle fenêtre"
          >
            délégué du Défenseur des droits
          </a>{' '}
          dans votre région ;
        </li>
        <li>par courrier, gratuitement, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
      </ul>
    </div>
  );
}
