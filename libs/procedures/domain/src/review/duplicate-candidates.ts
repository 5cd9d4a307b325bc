import { InvalidSimilarityThreshold } from '../errors/value-errors.js';
import type { ProcedureDocument } from '../procedure-state.js';
import { nameProfile, profileSimilarity, type NameProfile } from './name-similarity.js';

/** What duplicate detection needs to know about one procedure. */
export type ProcedureNames = {
  procedureId: string;
  title: string;
  requirements: readonly { requirementId: string; name: string }[];
};

/** The procedures of one unit of a chain (e.g. the district, its region, the country). */
export type LevelProcedures = { unitId: string; procedures: readonly ProcedureNames[] };

export type CandidateSide = { unitId: string; procedureId: string; requirementId?: string; name: string };

/** Two procedures (or two requirements) on different levels whose names are alike: a reviewer decides. */
export type DuplicateCandidate = {
  kind: 'PROCEDURE' | 'REQUIREMENT';
  score: number;
  left: CandidateSide;
  right: CandidateSide;
};

export const DEFAULT_SIMILARITY_THRESHOLD = 0.8;

type Named = { side: CandidateSide; profile: NameProfile };
type Level = { procedures: Named[]; requirements: Named[] };

function prepared(level: LevelProcedures): Level {
  const { unitId } = level;
  return {
    procedures: level.procedures.map(({ procedureId, title }) => ({
      side: { unitId, procedureId, name: title },
      profile: nameProfile(title),
    })),
    requirements: level.procedures.flatMap(({ procedureId, requirements }) =>
      requirements.map(({ requirementId, name }) => ({
        side: { unitId, procedureId, requirementId, name },
        profile: nameProfile(name),
      })),
    ),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const sideKey = (side: CandidateSide) => [side.unitId, side.procedureId, side.requirementId ?? ''];

/** Highest score first; equal scores in a fixed order, so that the same input always lists alike. */
function byScoreThenNames(a: DuplicateCandidate, b: DuplicateCandidate): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.kind !== b.kind) return a.kind === 'PROCEDURE' ? -1 : 1;
  const left = [...sideKey(a.left), ...sideKey(a.right)];
  const right = [...sideKey(b.left), ...sideKey(b.right)];
  for (let i = 0; i < left.length; i++) {
    const order = compareText(left[i] ?? '', right[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

function pairs(
  kind: DuplicateCandidate['kind'],
  left: readonly Named[],
  right: readonly Named[],
  threshold: number,
): DuplicateCandidate[] {
  const found: DuplicateCandidate[] = [];
  for (const l of left)
    for (const r of right) {
      if (l.side.procedureId === r.side.procedureId) continue;
      const score = profileSimilarity(l.profile, r.profile);
      if (score >= threshold) found.push({ kind, score, left: { ...l.side }, right: { ...r.side } });
    }
  return found;
}

/** Procedures grouped by their unit, each unit one level, in the order the units first appear. */
function levelsOf(procedures: readonly ProcedureDocument[]): LevelProcedures[] {
  const byUnit = new Map<string, ProcedureNames[]>();
  for (const procedure of procedures) {
    const level = byUnit.get(procedure.unitId) ?? [];
    level.push(procedure);
    byUnit.set(procedure.unitId, level);
  }
  return [...byUnit].map(([unitId, unitProcedures]) => ({ unitId, procedures: unitProcedures }));
}

const isLevelList = (
  input: readonly LevelProcedures[] | readonly ProcedureDocument[],
): input is readonly LevelProcedures[] => input.every((item) => 'procedures' in item);

/**
 * Procedures and requirements that may duplicate one another across the levels of one unit chain
 * (a district against its region and the country): titles against titles and requirement names
 * against requirement names, scored with `nameSimilarity`, never two of the same level. `left` is
 * from the level listed first. Candidates scoring at least `threshold` come sorted by score, highest
 * first. Changes nothing: a reviewer decides what to mark, merge or drop.
 *
 * Also takes the procedure documents of the chain directly, treating each unit as one level.
 */
export function duplicateCandidates(
  levels: readonly LevelProcedures[],
  threshold?: number,
): DuplicateCandidate[];
export function duplicateCandidates(
  procedures: readonly ProcedureDocument[],
  threshold?: number,
): DuplicateCandidate[];
export function duplicateCandidates(
  input: readonly LevelProcedures[] | readonly ProcedureDocument[],
  threshold = DEFAULT_SIMILARITY_THRESHOLD,
): DuplicateCandidate[] {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
    throw new InvalidSimilarityThreshold(threshold);
  const levels = (isLevelList(input) ? input : levelsOf(input)).map(prepared);
  const candidates: DuplicateCandidate[] = [];
  levels.forEach((upper, i) => {
    for (const lower of levels.slice(i + 1)) {
      candidates.push(...pairs('PROCEDURE', upper.procedures, lower.procedures, threshold));
      candidates.push(...pairs('REQUIREMENT', upper.requirements, lower.requirements, threshold));
    }
  });
  return candidates.sort(byScoreThenNames);
}
