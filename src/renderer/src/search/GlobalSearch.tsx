import { useEffect, useRef, useState } from 'react'
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Input, Modal, Tag, Tooltip, type InputRef } from 'antd'
import { SearchOutlined } from '@ant-design/icons'
import { SEARCH_LIMIT, type GlobalSearchResult } from '@shared/contract/search'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { useDebounced } from '../ui/useDebounced'
import './search.css'

const search = (query: string) => ({ queryKey: ['search.global', query], queryFn: () => call('search.global', { query }), staleTime: 5_000 })

/** F2 or Ctrl+K anywhere (also while typing in a field). */
function isShortcut(e: KeyboardEvent): boolean {
  return e.key === 'F2' || ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k')
}

/**
 * One box for every way a clerk or a scanner names an order: ticket QR/barcode text (a
 * keyboard-wedge scanner types it and presses Enter), number, claim code, mobile or its last 4,
 * IMEI or its last 6, name, brand/model. A single match opens at once; several are listed.
 */
export function GlobalSearch({ onOpenOrder }: { onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  const t = useT()
  const client = useQueryClient()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<InputRef>(null)
  const query = useDebounced(text.trim(), 150)
  const result = useQuery({ ...search(query), enabled: open && query.length > 0, placeholderData: keepPreviousData })
  const hits = query && result.data ? result.data.hits : []

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcut(e)) return
      e.preventDefault()
      setOpen(true)
      setTimeout(() => input.current?.select())
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  useEffect(() => setActive(0), [query])

  const close = () => {
    setOpen(false)
    setText('')
  }
  const openOrder = (orderId: number) => {
    close()
    onOpenOrder(orderId)
  }

  // Enter: the highlighted hit of the list on screen; or, when the text was typed (or scanned)
  // faster than the list could follow, search it now and open it if it is the only match.
  const onEnter = async () => {
    const q = text.trim()
    if (!q) return
    if (q === query && result.data && !result.isPlaceholderData && hits[active]) return openOrder(hits[active].id)
    const r: GlobalSearchResult = await client.fetchQuery(search(q))
    if (r.unique) openOrder(r.hits[0].id)
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((a) => (hits.length ? (a + step + hits.length) % hits.length : 0))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      void onEnter()
    }
  }

  // Nothing opens while typing ("1381" must not jump away mid-number): only Enter or a click opens.
  return (
    <>
      <Tooltip title={t('search.shortcut')}>
        <Button icon={<SearchOutlined />} onClick={() => setOpen(true)} data-testid="global-search-open">
          {t('search.open')} <span className="muted">F2</span>
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={t('search.title')}
        footer={null}
        width={980}
        onCancel={close}
        afterOpenChange={(visible) => visible && input.current?.focus()}
        destroyOnHidden
      >
        <Input
          ref={input}
          size="large"
          prefix={<SearchOutlined />}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('search.placeholder')}
          aria-label={t('search.title')}
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="global-search-list"
          aria-activedescendant={hits[active] ? `global-search-hit-${hits[active].id}` : undefined}
          data-testid="global-search-input"
          maxLength={80}
          allowClear
        />
        {result.isError && <div className="field-error" role="alert">{errorText(result.error, t)}</div>}
        {query && result.isSuccess && !result.isPlaceholderData && hits.length === 0 && (
          <div className="global-search-hint" data-testid="global-search-none">
            {t('search.none')}
          </div>
        )}
        <ul id="global-search-list" role="listbox" className="global-search-list" data-testid="global-search-list">
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`global-search-hit-${h.id}`}
              role="option"
              aria-selected={i === active}
              className="global-search-hit"
              data-testid={`global-search-hit-${h.orderNo}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => openOrder(h.id)}
            >
              <span className="order-no">{h.orderNo}</span>
              <span>{h.customerName}</span>
              <span>{h.customerMobile}</span>
              <span className="muted">{h.deviceLabel}</span>
              <span className="muted">{h.serial}</span>
              <Tag>{t(`search.match.${h.matchedBy}`)}</Tag>
            </li>
          ))}
        </ul>
        <div className="global-search-hint">
          {hits.length >= SEARCH_LIMIT ? `${t('search.more', { count: SEARCH_LIMIT })} · ` : ''}
          {t('search.hint')}
        </div>
      </Modal>
    </>
  )
}
