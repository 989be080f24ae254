/**
 * 核对电子文书 for both shells: a PDF the citizen picks (from the phone, from
 * a chat) checked against the document its QR code names. What is wrong
 * with the file is said before anything is sent (the core's
 * verifyFileIssue, then its first bytes); the BFF's answer becomes a
 * verdict (genuine / altered / revoked / unknown) with its words. Picking
 * the file and reading its bytes stay in the shells.
 */
import { ref, type Ref } from 'vue'
import {
  fileSizeText, fileVerdict, fileVerdictText, looksLikePdf, VERIFY_FILE_MESSAGES, verifyFileIssue,
  type FileVerdict, type VerifyFileResult,
} from '@tongban/core'
import { toProblem } from '../catalogue/catalogue'
import { usePlatform } from '../platform/platform'

/** A picked file as a shell hands it over. */
export interface PickedPdf {
  name: string
  /** Its media type, '' when the phone does not say. */
  type: string
  size: number
  /** Its first bytes (at least 5). */
  head(): Promise<Uint8Array>
  /** What the transport sends as the body (a File in the browser). */
  body(): unknown
}

export interface FileCheckOutcome {
  verdict: FileVerdict
  title: string
  lead: string
  /** The file as checked: 受理通知书.pdf（41KB）. */
  file: string
  result: VerifyFileResult | null
}

export interface FileCheck {
  checking: Ref<boolean>
  /** Why the file was not checked, or the check failed (network, server), in words. */
  issue: Ref<string | null>
  outcome: Ref<FileCheckOutcome | null>
  check(file: PickedPdf): Promise<void>
  reset(): void
}

/** `doc`: the title and issuer the verify page already shows, for the words of the verdict. */
export function useFileCheck(id: () => string, doc: () => { title: string; issuer: string } | null): FileCheck {
  const platform = usePlatform()
  const checking = ref(false)
  const issue = ref<string | null>(null)
  const outcome = ref<FileCheckOutcome | null>(null)

  function reset(): void {
    issue.value = null
    outcome.value = null
  }

  async function check(file: PickedPdf): Promise<void> {
    if (checking.value) return
    reset()
    const early = verifyFileIssue(file)
    if (early) {
      issue.value = early
      return
    }
    checking.value = true
    try {
      if (!looksLikePdf(await file.head())) {
        issue.value = VERIFY_FILE_MESSAGES.notPdfContent
        return
      }
      let result: VerifyFileResult | null = null
      try {
        result = await platform.api.verifyDocumentFile(id(), file.body())
      } catch (e) {
        const p = toProblem(e)
        if (p.code === 'PAYLOAD_TOO_LARGE') issue.value = VERIFY_FILE_MESSAGES.tooLarge
        else if (p.status !== 404) issue.value = p.title
        if (p.status !== 404) return
      }
      const verdict = fileVerdict(result)
      outcome.value = { verdict, ...fileVerdictText(verdict, result ?? doc()), file: `${file.name}（${fileSizeText(file.size)}）`, result }
    } finally {
      checking.value = false
    }
  }

  return { checking, issue, outcome, check, reset }
}
