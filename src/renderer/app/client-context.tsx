// The typed RPC client as React context: views get it from here, so tests hand in a fake one.
import { createContext, useContext, type ReactNode } from 'react';
import type { RpcClient } from '../../shared/rpc.js';

const ClientContext = createContext<RpcClient | null>(null);

export function ClientProvider({ client, children }: { client: RpcClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): RpcClient {
  const c = useContext(ClientContext);
  if (!c) throw new Error('useClient outside ClientProvider');
  return c;
}
