// Version of the importer's rules, recorded in every imported database (meta
// importer_version): bump it when an adapter or a cleaning rule changes what an
// import produces, so the library can offer to re-import older documents.
export const IMPORTER_VERSION = '1';
