import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef } from 'react';

export interface DemandeConfirmation {
  titre: string;
  description: string;
  libelleConfirmer: string;
  confirmer(): Promise<unknown>;
}

/**
 * Asks before a consequential action (suspension, cancellation), in the page rather than in a
 * browser dialog: its heading takes the focus, so that keyboard and screen-reader users land on
 * the question, and "Annuler" gives the focus back to where it was.
 */
export function Confirmation({ demande, enCours, onFermer }: { demande: DemandeConfirmation; enCours: boolean; onFermer: () => void }) {
  const titre = useRef<HTMLHeadingElement>(null);
  const origine = useRef<Element | null>(null);
  useEffect(() => {
    origine.current = document.activeElement;
    titre.current?.focus();
  }, [demande]);

  const fermer = () => {
    onFermer();
    if (origine.current instanceof HTMLElement) origine.current.focus();
  };

  return (
    <section className="fr-callout fr-callout--orange-terre-battue fr-my-3w" aria-labelledby="titre-confirmation">
      <h2 id="titre-confirmation" className="fr-callout__title fr-h5" tabIndex={-1} ref={titre}>
        {demande.titre}
      </h2>
      <p className="fr-callout__text fr-text--md">{demande.description}</p>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
        <li>
          <Button type="button" disabled={enCours} onClick={() => void demande.confirmer()}>
            {enCours ? 'Enregistrement…' : demande.libelleConfirmer}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" disabled={enCours} onClick={fermer}>
            Annuler
          </Button>
        </li>
      </ul>
    </section>
  );
}
