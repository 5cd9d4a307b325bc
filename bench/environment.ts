import Database from 'better-sqlite3';
import { statfsSync } from 'node:fs';
import { arch, cpus, platform, release } from 'node:os';

// Magic numbers from Linux's statfs(2); elsewhere the raw number is reported.
const FILE_SYSTEM_NAMES: Record<number, string> = {
  0xef53: 'ext2/3/4',
  0x58465342: 'xfs',
  0x9123683e: 'btrfs',
  0x01021994: 'tmpfs',
  0x794c7630: 'overlayfs',
  0x6969: 'nfs',
  0x65735546: 'fuse',
  0x2011bab0: 'exfat',
  0x5346544e: 'ntfs',
  0xf2f52010: 'f2fs',
  0x2fc12fc1: 'zfs',
};

export interface Environment {
  readonly date: string;
  readonly node: string;
  readonly platform: string;
  readonly arch: string;
  readonly osRelease: string;
  readonly cpuCount: number;
  readonly cpuModel: string;
  readonly sqlite: string;
  readonly benchFolder: string;
  readonly fileSystem: string;
}

function fileSystemOf(folder: string): string {
  const type = statfsSync(folder).type;
  return FILE_SYSTEM_NAMES[type] ?? `0x${type.toString(16)}`;
}

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return (db.prepare('SELECT sqlite_version() AS version').get() as { version: string }).version;
  } finally {
    db.close();
  }
}

export function describeEnvironment(benchFolder: string, startedAt: Date): Environment {
  const processors = cpus();
  return {
    date: startedAt.toISOString(),
    node: process.version,
    platform: platform(),
    arch: arch(),
    osRelease: release(),
    cpuCount: processors.length,
    cpuModel: processors[0]?.model ?? 'unknown',
    sqlite: sqliteVersion(),
    benchFolder,
    fileSystem: fileSystemOf(benchFolder),
  };
}
