/** Vite bundles imported stylesheets into one external CSS file; the import itself has no value. */
declare module '*.css';
