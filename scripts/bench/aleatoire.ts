/** Seeded pseudo-random numbers (mulberry32): the same seed gives the same directory and the same queries. */
export class Aleatoire {
  private etat: number;

  constructor(graine: number) {
    this.etat = graine >>> 0;
  }

  /** A float in [0, 1). */
  nombre(): number {
    this.etat = (this.etat + 0x6d2b79f5) >>> 0;
    let t = this.etat;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  entier(min: number, max: number): number {
    return min + Math.floor(this.nombre() * (max - min + 1));
  }

  choisir<T>(liste: readonly T[]): T {
    if (liste.length === 0) throw new Error('choix dans une liste vide');
    return liste[Math.floor(this.nombre() * liste.length)]!;
  }

  /** Up to n distinct elements of the list. */
  plusieurs<T>(liste: readonly T[], n: number): T[] {
    const copie = [...liste];
    const pris: T[] = [];
    while (pris.length < n && copie.length > 0) pris.push(copie.splice(Math.floor(this.nombre() * copie.length), 1)[0]!);
    return pris;
  }

  melanger<T>(liste: readonly T[]): T[] {
    const copie = [...liste];
    for (let i = copie.length - 1; i > 0; i--) {
      const j = Math.floor(this.nombre() * (i + 1));
      [copie[i], copie[j]] = [copie[j]!, copie[i]!];
    }
    return copie;
  }

  /** A version-4 UUID drawn from the seed (reproducible identifiers). */
  uuid(): string {
    const octets = Array.from({ length: 16 }, () => Math.floor(this.nombre() * 256));
    octets[6] = (octets[6]! & 0x0f) | 0x40;
    octets[8] = (octets[8]! & 0x3f) | 0x80;
    const hex = octets.map((o) => o.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** Draws items in proportion to a weight (population of a commune...), by binary search on cumulated weights. */
export class TirageProportionnel<T> {
  private readonly cumuls: number[] = [];
  private readonly total: number;

  constructor(
    private readonly elements: readonly T[],
    poids: (e: T) => number,
  ) {
    let somme = 0;
    for (const e of elements) {
      somme += Math.max(0, poids(e));
      this.cumuls.push(somme);
    }
    if (somme <= 0) throw new Error('tirage proportionnel sans poids');
    this.total = somme;
  }

  tirer(alea: Aleatoire): T {
    const cible = alea.nombre() * this.total;
    let bas = 0;
    let haut = this.cumuls.length - 1;
    while (bas < haut) {
      const milieu = (bas + haut) >> 1;
      if (this.cumuls[milieu]! > cible) haut = milieu;
      else bas = milieu + 1;
    }
    return this.elements[bas]!;
  }
}
