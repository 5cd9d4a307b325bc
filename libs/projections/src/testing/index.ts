export { ProjectionsFixture, WAIT_MS, tableContents } from './projections-fixture.js';
