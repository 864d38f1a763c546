import { Input } from '@codegouvfr/react-dsfr/Input';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { chercherCommunes } from '../../api/annuaire.js';
import type { Commune } from '../../api/types.js';

export interface ValeurCommune {
  texte: string;
  /** INSEE code once a commune is chosen in the list; null while the text is being typed. */
  code: string | null;
}

export function libelleCommune(c: Pick<Commune, 'nom' | 'departement'>): string {
  return `${c.nom} (${c.departement.code})`;
}

/** Resolves a typed text to its best matching commune (when the list was not used). */
export async function resoudreCommune(texte: string): Promise<Commune | null> {
  const t = texte.trim();
  if (t.length < 2) return null;
  const nom = t.replace(/\s*\([^)]*\)\s*$/, '');
  const { communes } = await chercherCommunes(nom);
  return communes[0] ?? null;
}

/**
 * The commune field's state for a search form: what is typed or picked, the error to show, and,
 * on submit, the code of the commune (a typed name is resolved to its first match). undefined
 * means no commune matches: the error is shown and the form must not be sent.
 */
export function useCommuneSaisie(initiale: ValeurCommune) {
  const [commune, setCommune] = useState<ValeurCommune>(initiale);
  const [erreurCommune, setErreurCommune] = useState<string | null>(null);
  const [envoi, setEnvoi] = useState(false);

  const choisir = (valeur: ValeurCommune) => {
    setCommune(valeur);
    setErreurCommune(null);
  };

  const codeAEnvoyer = async (): Promise<string | null | undefined> => {
    setErreurCommune(null);
    if (commune.code || !commune.texte.trim()) return commune.code;
    setEnvoi(true);
    const trouvee = await resoudreCommune(commune.texte).catch(() => null);
    setEnvoi(false);
    if (!trouvee) {
      setErreurCommune('Commune introuvable : vérifiez l’orthographe ou saisissez un code postal.');
      return undefined;
    }
    setCommune({ texte: `${trouvee.nom} (${trouvee.departement.code})`, code: trouvee.code });
    return trouvee.code;
  };

  return { commune, setCommune, choisir, erreurCommune, envoi, codeAEnvoyer };
}

interface Props {
  label: string;
  valeur: ValeurCommune;
  onChange: (valeur: ValeurCommune) => void;
  erreur?: string | null;
  className?: string;
}

/**
 * Commune picker following the ARIA combobox pattern (list autocomplete): type a name or a postcode,
 * move in the proposals with the arrow keys, choose with Enter, close with Escape.
 */
export function ChampCommune({ label, valeur, onChange, erreur, className }: Props) {
  const base = useId().replace(/:/g, '');
  const idChamp = `${base}-commune`;
  const idListe = `${base}-propositions`;
  const [propositions, setPropositions] = useState<Commune[]>([]);
  const [ouvert, setOuvert] = useState(false);
  const [actif, setActif] = useState(-1);
  const [annonce, setAnnonce] = useState('');

  useEffect(() => {
    const texte = valeur.texte.trim();
    if (valeur.code || texte.length < 2) {
      setPropositions([]);
      setOuvert(false);
      return;
    }
    const controleur = new AbortController();
    const minuterie = window.setTimeout(() => {
      chercherCommunes(texte, controleur.signal).then(
        ({ communes }) => {
          setPropositions(communes);
          setActif(-1);
          setOuvert(true);
          setAnnonce(
            communes.length === 0
              ? 'Aucune commune ne correspond.'
              : `${communes.length} commune${communes.length > 1 ? 's' : ''} proposée${communes.length > 1 ? 's' : ''} : utilisez les flèches haut et bas pour choisir.`,
          );
        },
        () => {
          if (!controleur.signal.aborted) setAnnonce('La recherche de communes a échoué.');
        },
      );
    }, 200);
    return () => {
      window.clearTimeout(minuterie);
      controleur.abort();
    };
  }, [valeur.texte, valeur.code]);

  const choisir = (c: Commune) => {
    onChange({ texte: libelleCommune(c), code: c.code });
    setOuvert(false);
    setActif(-1);
    setAnnonce(`${libelleCommune(c)} choisie.`);
  };

  const listeVisible = ouvert && propositions.length > 0;

  const clavier = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        if (propositions.length === 0) return;
        e.preventDefault();
        setOuvert(true);
        setActif((i) => (i + 1) % propositions.length);
        break;
      case 'ArrowUp':
        if (propositions.length === 0) return;
        e.preventDefault();
        setOuvert(true);
        setActif((i) => (i <= 0 ? propositions.length - 1 : i - 1));
        break;
      case 'Enter': {
        const choix = listeVisible ? propositions[actif] : undefined;
        if (choix) {
          e.preventDefault();
          choisir(choix);
        }
        break;
      }
      case 'Escape':
        if (listeVisible) {
          e.preventDefault();
          setOuvert(false);
          setActif(-1);
        }
        break;
      default:
    }
  };

  return (
    <div className={`trj-combobox ${className ?? ''}`}>
      <Input
        label={label}
        hintText="Nom ou code postal, puis choisissez dans la liste"
        state={erreur ? 'error' : 'default'}
        stateRelatedMessage={erreur ?? undefined}
        nativeInputProps={{
          id: idChamp,
          name: 'commune-texte',
          value: valeur.texte,
          autoComplete: 'off',
          spellCheck: false,
          role: 'combobox',
          'aria-autocomplete': 'list',
          'aria-expanded': listeVisible,
          'aria-controls': idListe,
          'aria-activedescendant': listeVisible && actif >= 0 ? `${idListe}-${actif}` : undefined,
          onChange: (e) => onChange({ texte: e.target.value, code: null }),
          onKeyDown: clavier,
          onBlur: () => setOuvert(false),
          onFocus: () => {
            if (!valeur.code && propositions.length > 0) setOuvert(true);
          },
        }}
      />
      <ul id={idListe} role="listbox" aria-label="Communes proposées" className="trj-combobox__liste" hidden={!listeVisible}>
        {propositions.map((c, i) => (
          <li
            key={c.code}
            id={`${idListe}-${i}`}
            role="option"
            aria-selected={i === actif}
            className={i === actif ? 'trj-combobox__option trj-combobox__option--active' : 'trj-combobox__option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choisir(c)}
          >
            <span className="trj-combobox__nom">{c.nom}</span>{' '}
            <span className="trj-combobox__detail">
              {c.departement.nom} ({c.departement.code}){c.codes_postaux[0] ? ` – ${c.codes_postaux[0]}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="fr-sr-only" role="status" aria-live="polite">
        {annonce}
      </p>
    </div>
  );
}
