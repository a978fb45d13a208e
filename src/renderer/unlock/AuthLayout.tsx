import type { ReactNode } from 'react';

/** The centred card of the create, unlock and startup screens, with the vault file's path beneath it. */
export function AuthLayout({ children, footnote }: { readonly children: ReactNode; readonly footnote: string }) {
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <img className="auth-logo" src="./icon.svg" alt="" width={56} height={56} />
        {children}
      </div>
      <p className="auth-footnote">{footnote}</p>
    </main>
  );
}
