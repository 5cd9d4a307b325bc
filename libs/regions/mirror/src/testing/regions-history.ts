import { CommandHandler, type Actor, type CommandMetadata } from '@redtape/event-sourcing';
import type { EventStore, GlobalPosition } from '@redtape/event-store';
import {
  authorityDecider,
  authorityStream,
  unitDecider,
  unitStream,
  type AuthorityCommand,
  type AuthorityEvent,
  type AuthorityKind,
  type AuthorityState,
  type UnitCategory,
  type UnitCommand,
  type UnitEvent,
  type UnitKind,
  type UnitState,
} from '@redtape/regions-domain';

export const REGIONS_LOADER: Actor = { id: 'system', role: 'system', name: 'reference data loader' };

/** Writes the regions' history the way the regions service does: commands through its deciders. */
export class RegionsHistory {
  private readonly units: CommandHandler<UnitCommand, UnitEvent, UnitState>;
  private readonly authorities: CommandHandler<AuthorityCommand, AuthorityEvent, AuthorityState>;
  private commands = 0;

  constructor(
    store: EventStore,
    private readonly now = new Date('2025-01-15T08:00:00.000Z'),
  ) {
    this.units = new CommandHandler(store, unitDecider);
    this.authorities = new CommandHandler(store, authorityDecider);
  }

  async registerUnit(
    unitId: string,
    kind: UnitKind,
    category: UnitCategory,
    parentId: string | null,
    english: string,
  ): Promise<GlobalPosition | undefined> {
    const outcome = await this.units.handle(unitStream(unitId), {
      type: 'RegisterUnit',
      data: {
        unitId,
        kind,
        category,
        names: { en: english },
        isoCode: null,
        soate: null,
        parentId,
        aliases: [],
        dataQuality: [],
        notes: null,
      },
      metadata: this.metadata(),
    });
    return outcome.position;
  }

  async renameUnit(unitId: string, english: string): Promise<GlobalPosition | undefined> {
    const outcome = await this.units.handle(unitStream(unitId), {
      type: 'RenameUnit',
      data: { names: { en: english } },
      metadata: this.metadata(),
    });
    return outcome.position;
  }

  async enroll(unitId: string, stage: number, enrolledOn: string): Promise<GlobalPosition | undefined> {
    const outcome = await this.units.handle(unitStream(unitId), {
      type: 'EnrollUnitInPilot',
      data: { stage, enrolledOn, stageStartedOn: null },
      metadata: this.metadata(),
    });
    return outcome.position;
  }

  async withdraw(unitId: string, stage: number, withdrawnOn: string): Promise<GlobalPosition | undefined> {
    const outcome = await this.units.handle(unitStream(unitId), {
      type: 'WithdrawUnitFromPilot',
      data: { stage, withdrawnOn },
      metadata: this.metadata(),
    });
    return outcome.position;
  }

  async establishAuthority(
    authorityId: string,
    unitId: string,
    unitKind: UnitKind,
    kind: AuthorityKind,
    english: string,
  ): Promise<GlobalPosition | undefined> {
    const outcome = await this.authorities.handle(authorityStream(authorityId), {
      type: 'EstablishAuthority',
      data: { authorityId, unitId, unitKind, kind, names: { en: english } },
      metadata: this.metadata(),
    });
    return outcome.position;
  }

  /**
   * The part of the map the specs use: Kyrgyzstan, Chüy region with the city of Tokmok and the
   * Ysyk-Ata district, Osh region with the Nookat district; an authority for each of them.
   */
  async registerMap(): Promise<void> {
    await this.registerUnit('country/kg', 'COUNTRY', 'country', null, 'Kyrgyz Republic');
    await this.registerUnit('region/chuy', 'REGION', 'region', 'country/kg', 'Chuy Region');
    await this.registerUnit('city/tokmok', 'CITY', 'city-of-regional-significance', 'region/chuy', 'Tokmok');
    await this.registerUnit('district/ysyk-ata', 'DISTRICT', 'district', 'region/chuy', 'Ysyk-Ata District');
    await this.registerUnit('region/osh', 'REGION', 'region', 'country/kg', 'Osh Region');
    await this.registerUnit('district/nookat', 'DISTRICT', 'district', 'region/osh', 'Nookat District');
    await this.establishAuthority(
      'cabinet/kg',
      'country/kg',
      'COUNTRY',
      'CENTRAL_AGENCY',
      'Cabinet of Ministers',
    );
    await this.establishAuthority(
      'regional-administration/chuy',
      'region/chuy',
      'REGION',
      'REGIONAL_ADMINISTRATION',
      'Chuy Regional Administration',
    );
    await this.establishAuthority(
      'mayors-office/tokmok',
      'city/tokmok',
      'CITY',
      'MAYORS_OFFICE',
      "Tokmok Mayor's Office",
    );
    await this.establishAuthority(
      'district-akimat/ysyk-ata',
      'district/ysyk-ata',
      'DISTRICT',
      'DISTRICT_AKIMAT',
      'Ysyk-Ata District Akimat',
    );
    await this.establishAuthority(
      'district-akimat/nookat',
      'district/nookat',
      'DISTRICT',
      'DISTRICT_AKIMAT',
      'Nookat District Akimat',
    );
  }

  private metadata(): CommandMetadata {
    this.commands += 1;
    return { commandId: `regions-spec-${this.commands}`, actor: REGIONS_LOADER, now: this.now };
  }
}
