import { describe, expect, it } from '@jest/globals';
import { defaultAuthorityOf, type GovernedUnit } from './default-authority.js';

const nookat: GovernedUnit = {
  unitId: 'district/nookat',
  kind: 'DISTRICT',
  category: 'district',
  names: { en: 'Nookat District', ru: 'Ноокатский район', ky: 'Ноокат району' },
  dataQuality: [],
};

describe('the default authority of a unit', () => {
  it('is the Cabinet of Ministers for the country', () =>
    expect(
      defaultAuthorityOf({
        unitId: 'country/kg',
        kind: 'COUNTRY',
        category: 'country',
        names: { en: 'Kyrgyz Republic' },
        dataQuality: [],
      }),
    ).toEqual({
      authorityId: 'cabinet/kg',
      kind: 'CENTRAL_AGENCY',
      names: {
        en: 'Cabinet of Ministers of the Kyrgyz Republic',
        ru: 'Кабинет Министров Кыргызской Республики',
        ky: 'Кыргыз Республикасынын Министрлер Кабинети',
      },
    }));

  it('is an akimat named in English, Russian and Kyrgyz for a district', () =>
    expect(defaultAuthorityOf(nookat)).toEqual({
      authorityId: 'district-akimat/nookat',
      kind: 'DISTRICT_AKIMAT',
      names: {
        en: 'Nookat District Akimat',
        ru: 'Акимиат Ноокатского района',
        ky: 'Ноокат районунун акимчилиги',
      },
    }));

  it('leaves out a Kyrgyz name that the data does not confirm for the unit', () =>
    expect(
      defaultAuthorityOf({
        unitId: 'district/aksy',
        kind: 'DISTRICT',
        category: 'district',
        names: { en: 'Aksy District', ru: 'Аксыйский район', ky: 'Аксы району' },
        dataQuality: [{ field: 'names.ky', note: 'no Kyrgyz-language page seen' }],
      }).names,
    ).toEqual({ en: 'Aksy District Akimat', ru: 'Акимиат Аксыйского района' }));

  it('is a mayor’s office for a city, in the Russian and Kyrgyz forms of the city’s name', () =>
    expect(
      defaultAuthorityOf({
        unitId: 'city/bishkek',
        kind: 'CITY',
        category: 'city-of-republican-significance',
        names: { en: 'Bishkek City', ru: 'город Бишкек', ky: 'Бишкек шаары' },
        dataQuality: [],
      }),
    ).toEqual({
      authorityId: 'mayors-office/bishkek',
      kind: 'MAYORS_OFFICE',
      names: { en: "Bishkek Mayor's Office", ru: 'Мэрия города Бишкек', ky: 'Бишкек шаарынын мэриясы' },
    }));

  it('is a regional administration, named in English only, for a region', () =>
    expect(
      defaultAuthorityOf({
        unitId: 'region/talas',
        kind: 'REGION',
        category: 'region',
        names: { en: 'Talas Region', ru: 'Таласская область', ky: 'Талас облусу' },
        dataQuality: [],
      }),
    ).toEqual({
      authorityId: 'regional-administration/talas',
      kind: 'REGIONAL_ADMINISTRATION',
      names: { en: 'Talas Regional Administration' },
    }));

  it('is a district administration for one of Bishkek’s city districts', () =>
    expect(
      defaultAuthorityOf({
        unitId: 'district/bishkek-lenin',
        kind: 'DISTRICT',
        category: 'city-district',
        names: { en: 'Lenin', ru: 'Ленинский район', ky: 'Ленин' },
        dataQuality: [],
      }),
    ).toEqual({
      authorityId: 'district-administration/bishkek-lenin',
      kind: 'DISTRICT_ADMINISTRATION',
      names: { en: 'Lenin District Administration', ru: 'Администрация Ленинского района' },
    }));
});
