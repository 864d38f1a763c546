import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useEffect, useState } from 'react';

export const SAISIE_TROP_COURTE = 'Saisissez au moins 2 caractères : un intitulé de métier, par exemple « aide-soignant », ou un code ROME comme J1501.';

interface Props {
  label: string;
  /** The text searched now (from the address), shown again after "back". */
  valeur?: string;
  bouton: string;
  /** What the API said about the field, shown next to it. */
  erreur?: string | undefined;
  onChercher: (q: string) => void;
}

/**
 * A labelled search field for occupations: the text is checked here first (the API needs two
 * characters), so that a person learns what to type without a round trip.
 */
export function FormulaireRechercheMetier({ label, valeur = '', bouton, erreur, onChercher }: Props) {
  const [texte, setTexte] = useState(valeur);
  const [tropCourte, setTropCourte] = useState(false);
  useEffect(() => setTexte(valeur), [valeur]);

  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const q = texte.trim();
    setTropCourte(q.length < 2);
    if (q.length >= 2) onChercher(q);
  };

  const message = tropCourte ? SAISIE_TROP_COURTE : erreur;
  return (
    <form onSubmit={soumettre} noValidate role="search" aria-label={label} className="trj-recherche-metier">
      <Input
        label={label}
        hintText="Les accents sont facultatifs et les fautes de frappe tolérées, sauf sur la première lettre"
        state={message ? 'error' : 'default'}
        stateRelatedMessage={message}
        nativeInputProps={{
          type: 'search',
          name: 'q',
          value: texte,
          maxLength: 100,
          autoComplete: 'off',
          onChange: (e) => {
            setTexte(e.target.value);
            setTropCourte(false);
          },
        }}
      />
      <Button type="submit" iconId="fr-icon-search-line" iconPosition="left">
        {bouton}
      </Button>
    </form>
  );
}
