import { type DatabaseOpenFailure, DatabaseOpenError } from '../../../db/open-error.ts';
import type { Language } from '../../shared/models.ts';

/** Why Balancete could not start: a database failure, or something nobody foresaw. */
export type StartupFailureReason = DatabaseOpenFailure | 'UNKNOWN';

/** What the file system says when a folder cannot be created or written. */
const notWritableErrnos = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC', 'EDQUOT']);

export function startupFailureReason(error: unknown): StartupFailureReason {
  if (error instanceof DatabaseOpenError) return error.code;
  const errno = error instanceof Error && 'code' in error ? error.code : undefined;
  if (typeof errno === 'string' && notWritableErrnos.has(errno)) return 'DATA_FOLDER_NOT_WRITABLE';
  return 'UNKNOWN';
}

/** The start-up failure dialog's text, and its two buttons. */
export interface StartupFailureText {
  title: string;
  message: string;
  detail: string;
  openDataFolder: string;
  quit: string;
}

interface ReasonText {
  message: string;
  advice: string;
}

const texts: Record<
  Language,
  {
    title: string;
    reasons: Record<StartupFailureReason, ReasonText>;
    dataFolder: (path: string) => string;
    technical: (detail: string) => string;
    openDataFolder: string;
    quit: string;
  }
> = {
  'pt-BR': {
    title: 'O Balancete não pôde abrir',
    reasons: {
      DATABASE_TOO_NEW: {
        message: 'Seus dados foram feitos por um Balancete mais novo.',
        advice: 'Esta versão não sabe abri-los e não mexeu neles. Instale a versão mais recente do Balancete.',
      },
      DATABASE_UNREADABLE: {
        message: 'O arquivo de dados do Balancete está danificado ou não é um arquivo do Balancete.',
        advice:
          'Faça uma cópia da pasta de dados antes de qualquer outra coisa. A pasta backups, dentro dela, guarda cópias feitas antes de cada atualização.',
      },
      DATA_FOLDER_NOT_WRITABLE: {
        message: 'O Balancete não consegue gravar na pasta de dados.',
        advice: 'Verifique se você tem permissão para gravar nela e se há espaço livre no disco.',
      },
      DATABASE_BACKUP_FAILED: {
        message: 'O Balancete não conseguiu copiar seus dados antes de atualizá-los para esta versão.',
        advice: 'Nada foi alterado. Verifique se há espaço livre no disco e permissão para gravar na pasta de dados.',
      },
      DATABASE_MIGRATION_FAILED: {
        message: 'Não foi possível atualizar seus dados para esta versão do Balancete.',
        advice:
          'O arquivo ficou como estava, e há uma cópia dele na pasta backups. A versão anterior do Balancete continua a abri-lo.',
      },
      UNKNOWN: {
        message: 'Algo inesperado impediu o Balancete de abrir.',
        advice: 'Se isso se repetir, faça uma cópia da pasta de dados antes de tentar qualquer outra coisa.',
      },
    },
    dataFolder: (path) => `Pasta de dados: ${path}`,
    technical: (detail) => `Detalhe técnico: ${detail}`,
    openDataFolder: 'Abrir pasta de dados',
    quit: 'Sair',
  },
  en: {
    title: 'Balancete could not start',
    reasons: {
      DATABASE_TOO_NEW: {
        message: 'Your books were made by a newer Balancete.',
        advice: 'This version cannot open them and has left them untouched. Install the latest Balancete.',
      },
      DATABASE_UNREADABLE: {
        message: "Balancete's data file is damaged, or is not a Balancete file.",
        advice:
          'Make a copy of the data folder before anything else. The backups folder inside it holds copies made before each update.',
      },
      DATA_FOLDER_NOT_WRITABLE: {
        message: 'Balancete cannot write to its data folder.',
        advice: 'Check that you may write to it and that the disk has free space.',
      },
      DATABASE_BACKUP_FAILED: {
        message: 'Balancete could not copy your books before updating them for this version.',
        advice: 'Nothing was changed. Check that the disk has free space and that you may write to the data folder.',
      },
      DATABASE_MIGRATION_FAILED: {
        message: 'Your books could not be updated for this version of Balancete.',
        advice:
          'The file was left as it was, and a copy of it is in the backups folder. The previous version of Balancete still opens it.',
      },
      UNKNOWN: {
        message: 'Something unexpected kept Balancete from starting.',
        advice: 'If this keeps happening, make a copy of the data folder before trying anything else.',
      },
    },
    dataFolder: (path) => `Data folder: ${path}`,
    technical: (detail) => `Technical detail: ${detail}`,
    openDataFolder: 'Open data folder',
    quit: 'Quit',
  },
};

/**
 * The dialog main shows when it cannot start: why, what to do, where the data folder is
 * and, unless the reason says it all, the error itself for a bug report.
 */
export function startupFailureText(
  error: unknown,
  context: { language: Language; dataDirectory: string },
): StartupFailureText {
  const text = texts[context.language];
  const reason = startupFailureReason(error);
  const { message, advice } = text.reasons[reason];
  const lines = [advice, text.dataFolder(context.dataDirectory)];
  if (reason !== 'DATABASE_TOO_NEW') {
    lines.push(text.technical(error instanceof Error ? error.message : String(error)));
  }
  return {
    title: text.title,
    message,
    detail: lines.join('\n\n'),
    openDataFolder: text.openDataFolder,
    quit: text.quit,
  };
}
