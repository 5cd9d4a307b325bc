import { describe, expect, it } from '@jest/globals';
import { InvalidSimilarityThreshold } from '../errors/value-errors.js';
import { documentAfter, passportCopy, registered, taxCertificate } from '../testing/procedure-fixtures.js';
import { duplicateCandidates, type LevelProcedures } from './duplicate-candidates.js';

const region: LevelProcedures = {
  unitId: 'region/osh',
  procedures: [
    {
      procedureId: 'osh-trade-permit',
      title: 'Permit for street trading',
      requirements: [
        { requirementId: 'passport', name: 'Passport copy' },
        { requirementId: 'tax', name: 'Certificate of tax clearance' },
      ],
    },
    {
      procedureId: 'osh-land-lease',
      title: 'Lease of municipal land',
      requirements: [{ requirementId: 'cadastre', name: 'Cadastral passport of the plot' }],
    },
  ],
};
const district: LevelProcedures = {
  unitId: 'district/nookat',
  procedures: [
    {
      procedureId: 'nookat-trade-permit',
      title: 'Permit for street trade',
      requirements: [
        { requirementId: 'passport-copy', name: 'Copy of passport' },
        { requirementId: 'tax-certificate', name: 'Tax clearance certificate' },
        { requirementId: 'lease', name: 'Lease contract for the trading place' },
      ],
    },
  ],
};

describe('finding duplicate candidates across the levels of a unit chain', () => {
  it('pairs alike titles and alike requirement names of different levels, highest score first', () =>
    expect(duplicateCandidates([region, district])).toEqual([
      {
        kind: 'REQUIREMENT',
        score: expect.closeTo(0.933, 3),
        left: {
          unitId: 'region/osh',
          procedureId: 'osh-trade-permit',
          requirementId: 'tax',
          name: 'Certificate of tax clearance',
        },
        right: {
          unitId: 'district/nookat',
          procedureId: 'nookat-trade-permit',
          requirementId: 'tax-certificate',
          name: 'Tax clearance certificate',
        },
      },
      {
        kind: 'REQUIREMENT',
        score: expect.closeTo(0.892, 3),
        left: {
          unitId: 'region/osh',
          procedureId: 'osh-trade-permit',
          requirementId: 'passport',
          name: 'Passport copy',
        },
        right: {
          unitId: 'district/nookat',
          procedureId: 'nookat-trade-permit',
          requirementId: 'passport-copy',
          name: 'Copy of passport',
        },
      },
      {
        kind: 'PROCEDURE',
        score: expect.closeTo(0.83, 3),
        left: { unitId: 'region/osh', procedureId: 'osh-trade-permit', name: 'Permit for street trading' },
        right: {
          unitId: 'district/nookat',
          procedureId: 'nookat-trade-permit',
          name: 'Permit for street trade',
        },
      },
    ]));

  it('never compares the procedures or requirements of one level with each other', () =>
    expect(
      duplicateCandidates([
        {
          unitId: 'district/nookat',
          procedures: [
            {
              procedureId: 'a',
              title: 'Permit for street trade',
              requirements: [{ requirementId: 'p', name: 'Копия паспорта' }],
            },
            {
              procedureId: 'b',
              title: 'Permit for street trade',
              requirements: [{ requirementId: 'p', name: 'копия паспорта' }],
            },
          ],
        },
      ]),
    ).toEqual([]));

  it('compares every level with every other: the district with its region and with the country', () => {
    const country: LevelProcedures = {
      unitId: 'country/kg',
      procedures: [
        {
          procedureId: 'kg-trade-registration',
          title: 'Registration of a trading business',
          requirements: [{ requirementId: 'passport', name: 'Копия паспорта' }],
        },
      ],
    };
    const withRussianPassport: LevelProcedures = {
      unitId: 'district/nookat',
      procedures: [
        {
          procedureId: 'nookat-kiosk',
          title: 'Kiosk placement',
          requirements: [{ requirementId: 'pass', name: 'копия  паспорта.' }],
        },
      ],
    };
    expect(duplicateCandidates([country, region, withRussianPassport])).toEqual([
      {
        kind: 'REQUIREMENT',
        score: 1,
        left: {
          unitId: 'country/kg',
          procedureId: 'kg-trade-registration',
          requirementId: 'passport',
          name: 'Копия паспорта',
        },
        right: {
          unitId: 'district/nookat',
          procedureId: 'nookat-kiosk',
          requirementId: 'pass',
          name: 'копия  паспорта.',
        },
      },
    ]);
  });

  it('lists weaker candidates with a lower threshold', () => {
    const candidates = duplicateCandidates([region, district], 0.5);
    expect(candidates).toHaveLength(4);
    expect(candidates[3]).toMatchObject({
      kind: 'REQUIREMENT',
      score: 0.5,
      left: { requirementId: 'cadastre' },
      right: { requirementId: 'passport-copy' },
    });
  });

  it('lists only names that normalize alike with a threshold of 1', () =>
    expect(duplicateCandidates([region, district], 1)).toEqual([]));

  it('lists candidates of equal score in a fixed order: procedures first, then by unit and id', () => {
    const upper: LevelProcedures = {
      unitId: 'region/talas',
      procedures: [
        {
          procedureId: 'z',
          title: 'Trade permit',
          requirements: [{ requirementId: 'r', name: 'Trade permit' }],
        },
        { procedureId: 'a', title: 'Trade permit', requirements: [] },
      ],
    };
    const lower: LevelProcedures = {
      unitId: 'district/talas',
      procedures: [
        {
          procedureId: 'm',
          title: 'trade permit',
          requirements: [{ requirementId: 'q', name: 'trade permit' }],
        },
      ],
    };
    expect(
      duplicateCandidates([upper, lower]).map(
        (c) => `${c.kind} ${c.left.procedureId}→${c.right.procedureId}`,
      ),
    ).toEqual(['PROCEDURE a→m', 'PROCEDURE z→m', 'REQUIREMENT z→m']);
  });

  it('takes the procedure documents of a chain directly, each unit one level', () => {
    const nookat = documentAfter([registered()]);
    const nookatAgain = documentAfter([registered({ procedureId: 'nookat-trade-permit-2' })]);
    const osh = documentAfter([
      registered({
        procedureId: 'osh-trade-permit',
        unitId: 'region/osh',
        level: 'REGIONAL',
        title: 'Permit for street trading',
        requirements: [
          { ...passportCopy, name: 'Passport copy' },
          { ...taxCertificate, requirementId: 'tax', name: 'Certificate of tax clearance' },
        ],
      }),
    ]);
    const candidates = duplicateCandidates([osh, nookat, nookatAgain]);
    expect(candidates).toHaveLength(6);
    expect(
      candidates.every((c) => c.left.unitId === 'region/osh' && c.right.unitId === 'district/nookat'),
    ).toBe(true);
  });

  it('changes nothing it is given', () => {
    const levels = [region, district];
    const before = JSON.stringify(levels);
    duplicateCandidates(levels);
    expect(JSON.stringify(levels)).toBe(before);
  });

  it('finds nothing in no levels', () => expect(duplicateCandidates([])).toEqual([]));

  it.each([-0.1, 1.1, Number.NaN])('refuses a threshold of %p', (threshold) =>
    expect(() => duplicateCandidates([region, district], threshold)).toThrow(InvalidSimilarityThreshold),
  );
});
