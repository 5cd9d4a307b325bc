import { registerEnumType } from '@nestjs/graphql';

export enum UnitKind {
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
}

export enum AuthorityLevel {
  CENTRAL = 'CENTRAL',
  REGIONAL = 'REGIONAL',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
}

export enum AuthorityKind {
  CENTRAL_AGENCY = 'CENTRAL_AGENCY',
  REGIONAL_ADMINISTRATION = 'REGIONAL_ADMINISTRATION',
  MAYORS_OFFICE = 'MAYORS_OFFICE',
  DISTRICT_AKIMAT = 'DISTRICT_AKIMAT',
  DISTRICT_ADMINISTRATION = 'DISTRICT_ADMINISTRATION',
}

export enum ReformScope {
  CENTRAL = 'CENTRAL',
  REGIONAL = 'REGIONAL',
}

registerEnumType(UnitKind, { name: 'UnitKind', description: 'Level of an administrative unit.' });
registerEnumType(AuthorityLevel, {
  name: 'AuthorityLevel',
  description: 'Level of government a state authority belongs to.',
});
registerEnumType(AuthorityKind, {
  name: 'AuthorityKind',
  description: 'What kind of state body an authority is.',
});
registerEnumType(ReformScope, {
  name: 'ReformScope',
  description: 'Which government bodies a reform stage covers.',
});
