// Titles and requirement names are searched in the kernel's search form, so "КОПИЯ  паспорта."
// finds "Копия паспорта"; terms are folded the same way.
export { searchForm } from '@redtape/event-sourcing';
export { containsPattern, likeContains } from '@redtape/projections';
