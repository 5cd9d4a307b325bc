import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ListSize, LocalDateScalar } from '@redtape/service-kit';
import { AuthorityKind, AuthorityLevel, ReformScope, UnitKind } from './enums.js';

// Under ESM with decorator metadata a type must be declared before any type that references it.

@ObjectType({ description: 'A name in English and, where known, in Russian and Kyrgyz.' })
export class LocalizedNames {
  @Field(() => String) en!: string;
  @Field(() => String, { nullable: true }) ru!: string | null;
  @Field(() => String, { nullable: true }) ky!: string | null;
}

@ObjectType({ description: 'A unit taking part in a stage of the debureaucratization pilot.' })
export class PilotEnrollment {
  @Field(() => Int) stage!: number;
  @Field(() => LocalDateScalar) enrolledOn!: string;
}

@ObjectType({ description: 'A fact about the unit that the reference data could not confirm.' })
export class DataQualityNote {
  @Field(() => String, { description: 'Which fact, e.g. names.ky, soate, status.' }) field!: string;
  @Field(() => String) note!: string;
}

@ObjectType({ description: 'A country, region (oblast), city or district (raion).' })
@Directive('@key(fields: "id")')
export class AdministrativeUnit {
  @Field(() => ID, { description: 'Stable id such as city/tokmok, district/tup, region/talas.' }) id!: string;
  @Field(() => UnitKind) kind!: UnitKind;
  @Field(() => String, { description: 'Finer category, e.g. city-of-regional-significance, city-district.' })
  category!: string;
  @Field(() => String, { description: 'The English name.' }) name!: string;
  @Field(() => LocalizedNames) names!: LocalizedNames;
  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-2 code, for regions and the two republican cities.',
  })
  isoCode!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'SOATE classifier code (unconfirmed, see dataQuality).',
  })
  soate!: string | null;
  @Field(() => PilotEnrollment, {
    nullable: true,
    description: 'Set while the unit takes part in the pilot.',
  })
  pilot!: PilotEnrollment | null;
  @ListSize(5)
  @Field(() => [DataQualityNote])
  dataQuality!: DataQualityNote[];
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Int, { description: 'Number of events applied to this unit; pass it as expectedRevision.' })
  revision!: number;
  parentId!: string | null;
}

@ObjectType({
  description:
    'A state body attached to a unit: central agency, regional administration, mayor’s office, akimat.',
})
@Directive('@key(fields: "id")')
export class Authority {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => LocalizedNames) names!: LocalizedNames;
  @Field(() => AuthorityLevel) level!: AuthorityLevel;
  @Field(() => AuthorityKind) kind!: AuthorityKind;
  @Field(() => Int) revision!: number;
  unitId!: string;
}

@ObjectType({ description: 'A stage of the debureaucratization reform.' })
export class ReformStage {
  @Field(() => Int) stage!: number;
  @Field(() => String) title!: string;
  @Field(() => ReformScope) scope!: ReformScope;
  @Field(() => LocalDateScalar, { nullable: true }) startedOn!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}
