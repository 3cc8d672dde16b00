import { useEffect } from 'react'
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { Button, Result, Spin } from 'antd'
import { localeFrom } from '@shared/i18n'
import { ApiError } from '../api/client'
import { IntegrityScreen } from '../integrity/IntegrityScreen'
import { SetupScreen } from '../setup/SetupScreen'
import { LocaleProvider, useT } from './i18n'
import { SESSION_KEY, useSession } from './session'
import { Shell } from './Shell'
import { SignInScreen } from './SignInScreen'
import { rememberUser } from './SignInForm'
import '../ui/app.css'

/** Session ended in main (restart, user deactivated): ask again who is at the counter. */
function onApiError(e: unknown): void {
  if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') void queryClient.invalidateQueries({ queryKey: SESSION_KEY })
}

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    // Main's answers are final (validation, forbidden...): only transport hiccups are worth a retry.
    queries: { retry: (n, e) => !(e instanceof ApiError && e.code !== 'INTERNAL') && n < 2, refetchOnWindowFocus: false },
    mutations: { retry: false }
  },
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError })
})

export function App(): React.JSX.Element {
  return (
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  )
}

function Root(): React.JSX.Element {
  const session = useSession()
  const locale = session.data?.locale ?? localeFrom(navigator.language)
  const username = session.data?.user?.username
  useEffect(() => {
    if (username) rememberUser(username)
  }, [username])
  if (session.data && !session.data.setupDone) return <SetupScreen />
  return (
    <LocaleProvider locale={locale}>
      {session.isPending ? (
        <div className="center-screen">
          <Spin size="large" />
        </div>
      ) : session.error instanceof ApiError && session.error.code === 'DATABASE_DAMAGED' ? (
        // Main refused the database at start: nothing else can work, say why.
        <IntegrityScreen />
      ) : session.isError ? (
        <Unreachable onRetry={() => void session.refetch()} />
      ) : session.data.user ? (
        <Shell session={session.data} />
      ) : (
        <SignInScreen storeName={session.data.storeName} />
      )}
    </LocaleProvider>
  )
}

function Unreachable({ onRetry }: { onRetry: () => void }): React.JSX.Element {
  const t = useT()
  return (
    <Result
      status="warning"
      title={t('ui.app.unreachable')}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('ui.common.retry')}
        </Button>
      }
    />
  )
}
