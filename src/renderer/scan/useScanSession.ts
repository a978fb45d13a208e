import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemView, ScanReport, ScannedTexts } from '../../shared/api.js';
import { failure, ok, type Result } from '../../shared/result.js';
import { useAppServices } from '../app/AppServices.js';
import { type CandidateChoice, nextChoices, pickedChoices } from './scanChoices.js';

export interface ScanSession {
  /** Everything found since the dialog opened; null before the first answer. */
  readonly report: ScanReport | null;
  /** When main computed the report's codes (this window's clock), for their countdowns. */
  readonly receivedAt: number;
  readonly choices: ReadonlyMap<string, CandidateChoice>;
  readonly choose: (candidateId: string, choice: CandidateChoice) => void;
  /** Hands texts to main: the first call of the dialog starts a new scan, later ones add to it. */
  readonly submit: (sources: readonly ScannedTexts[]) => Promise<Result<ScanReport>>;
  /** Saves the picked accounts (`itemIds` are the items still in the vault) and ends the scan. */
  readonly save: (itemIds: ReadonlySet<string>) => Promise<Result<{ readonly views: readonly ItemView[]; readonly count: number }>>;
}

/**
 * One dialog's scan, kept in main (the accounts' secrets never come here): the latest report, the user's
 * choices in it, and its live codes, asked for again when the soonest one expires. A scan that closes
 * unsaved is ended in main, so its accounts are not kept there until the next scan or lock.
 */
export function useScanSession(): ScanSession {
  const { bridge, reportError } = useAppServices();
  const [report, setReport] = useState<ScanReport | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [choices, setChoices] = useState<ReadonlyMap<string, CandidateChoice>>(new Map());
  const started = useRef(false);
  /** Saved, or closed: main has been told to forget the scan (or has, by saving it). */
  const ended = useRef(false);
  const closed = useRef(false);
  const latestRequest = useRef(0);
  const submitting = useRef(0);

  const accept = useCallback((value: ScanReport) => {
    setReport(value);
    setReceivedAt(Date.now());
    setChoices((previous) => nextChoices(previous, value.candidates));
  }, []);

  const submit = useCallback(
    async (sources: readonly ScannedTexts[]): Promise<Result<ScanReport>> => {
      if (closed.current) return failure({ code: 'INVALID_INPUT', message: 'The scan was closed.' });
      const request = ++latestRequest.current;
      submitting.current += 1;
      try {
        const result = await bridge.api.scanTexts({ sources, restart: !started.current });
        if (result.ok) {
          started.current = true;
          // Closed while main was reading them: it must not keep these accounts either.
          if (closed.current) void bridge.api.scanTexts({ sources: [], restart: true });
          else if (request === latestRequest.current) accept(result.value);
        }
        return result;
      } finally {
        submitting.current -= 1;
      }
    },
    [bridge, accept],
  );

  // Codes change every period: ask main for the report again (no new texts) when the soonest one expires.
  useEffect(() => {
    const remaining = (report?.candidates ?? []).flatMap((candidate) => (candidate.current === null ? [] : [candidate.current.remaining]));
    if (remaining.length === 0) return undefined;
    const expiresIn = receivedAt + Math.min(...remaining) * 1000 - Date.now();
    const timer = setTimeout(
      () => {
        if (submitting.current > 0 || ended.current) return;
        const request = ++latestRequest.current;
        void bridge.api.scanTexts({ sources: [], restart: false }).then((result) => {
          if (ended.current || request !== latestRequest.current) return;
          if (result.ok) accept(result.value);
          else if (result.error.code === 'VAULT_LOCKED') reportError(result.error);
        });
      },
      Math.max(0, expiresIn) + 50,
    );
    return () => clearTimeout(timer);
  }, [bridge, report, receivedAt, accept, reportError]);

  const choose = useCallback((candidateId: string, choice: CandidateChoice) => setChoices((current) => new Map(current).set(candidateId, choice)), []);

  const save = useCallback(
    async (itemIds: ReadonlySet<string>): Promise<Result<{ readonly views: readonly ItemView[]; readonly count: number }>> => {
      const picked = pickedChoices(report?.candidates ?? [], choices, itemIds);
      latestRequest.current += 1;
      const result = await bridge.api.saveScanned({ choices: picked });
      if (!result.ok) return result;
      ended.current = true;
      return ok({ views: result.value, count: picked.length });
    },
    [bridge, report, choices],
  );

  useEffect(() => {
    // (Set again on mount: React's development mode unmounts and mounts every component once more.)
    closed.current = false;
    return () => {
      closed.current = true;
      if (!started.current || ended.current) return;
      ended.current = true;
      // A restart with nothing in it makes main forget the accounts; the answer is of no use any more
      // (after a lock it is VAULT_LOCKED, and main forgot them then anyway).
      void bridge.api.scanTexts({ sources: [], restart: true });
    };
  }, [bridge]);

  return { report, receivedAt, choices, choose, submit, save };
}
