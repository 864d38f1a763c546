import { describe, expect, it } from 'vitest';
import { type ProfondeursDesFiles, creerRegistre, suivreFileDeTravaux } from './metriques.js';

describe('suivreFileDeTravaux', () => {
  it('lit la profondeur de chaque file à chaque collecte, par état', async () => {
    const registre = creerRegistre({ processus: false });
    let profondeurs: ProfondeursDesFiles = { courriels: { enAttente: 3, enCours: 1, echecs: 2 } };
    suivreFileDeTravaux(registre, async () => profondeurs);

    expect(await registre.metrics()).toContain(
      [
        'job_queue_jobs{queue="courriels",state="waiting"} 3',
        'job_queue_jobs{queue="courriels",state="active"} 1',
        'job_queue_jobs{queue="courriels",state="failed"} 2',
      ].join('\n'),
    );

    profondeurs = { rappels: { enAttente: 5, enCours: 0, echecs: 0 } };
    const texte = await registre.metrics();
    expect(texte).toContain('job_queue_jobs{queue="rappels",state="waiting"} 5');
    // A queue the reader no longer names leaves no stale series behind.
    expect(texte).not.toContain('queue="courriels"');
  });

  it('compte les travaux en échec par file', async () => {
    const registre = creerRegistre({ processus: false });
    const compterEchec = suivreFileDeTravaux(registre, async () => ({}));

    compterEchec('courriels');
    compterEchec('courriels');
    compterEchec('rappels');

    const texte = await registre.metrics();
    expect(texte).toContain('job_failures_total{queue="courriels"} 2');
    expect(texte).toContain('job_failures_total{queue="rappels"} 1');
  });

  it('répond encore quand la lecture des files échoue, et compte l’échec de lecture', async () => {
    const registre = creerRegistre({ processus: false });
    let joignable = true;
    suivreFileDeTravaux(registre, async () => {
      if (!joignable) throw new Error('base injoignable');
      return { courriels: { enAttente: 1, enCours: 0, echecs: 0 } };
    });
    expect(await registre.metrics()).toContain('job_queue_read_failures_total 0');

    joignable = false;
    const texte = await registre.metrics();
    expect(texte).toContain('job_queue_read_failures_total 1');
    expect(texte).not.toContain('job_queue_jobs{');
  });
});

describe('creerRegistre', () => {
  it('donne à chaque application son registre : deux registres ne partagent aucune mesure', async () => {
    const premier = creerRegistre({ processus: false });
    const second = creerRegistre({ processus: false });
    suivreFileDeTravaux(premier, async () => ({}))('courriels');
    suivreFileDeTravaux(second, async () => ({}));

    expect(await premier.metrics()).toContain('job_failures_total{queue="courriels"} 1');
    expect(await second.metrics()).not.toContain('queue="courriels"');
  });

  it('ajoute les mesures du processus quand on les demande, et seulement alors', async () => {
    expect(await creerRegistre({ processus: true }).metrics()).toContain('process_cpu_user_seconds_total');
    expect(await creerRegistre({ processus: false }).metrics()).toBe('\n');
  });
});
