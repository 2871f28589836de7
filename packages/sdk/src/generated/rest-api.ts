// Generated from the REST OpenAPI document (/rest/openapi.json) by packages/sdk/scripts/build.mjs.
// Do not edit: change the api and build again.

export interface paths {
    "/rest/payment/sale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sale: authorize and capture
         * @description Card (keyed, swiped, chip, contactless), card on file, or eCheck. SaveOnFile also stores the card. Declines are HTTP 200 with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["RestPaymentsController_sale"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/authorization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Authorization: hold funds
         * @description Cards only; capture within 7 days. Declines are HTTP 200 with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["RestPaymentsController_authorization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Capture a prior authorization, once, for at most its amount
         * @description Declines are HTTP 200 with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["RestPaymentsController_capture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void an unsettled authorization or sale
         * @description Declines are HTTP 200 with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["RestPaymentsController_void"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/refund-simple": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a captured transaction by its ID, up to what remains, within a year
         * @description Declines are HTTP 200 with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["RestPaymentsController_refundSimple"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unreferenced refund to a card (merchant setting, off by default)
         * @description Declines are HTTP 200 with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["RestPaymentsController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/transaction/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One transaction with its secondary transactions and webhook workflow status */
        get: operations["RestPaymentsController_transaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transactions, newest first, with cursor pagination */
        get: operations["RestPaymentsController_transactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a payment plan: SaveOnFile stores a card ($0 verification); Installment and Recurring schedule charges
         * @description A declined down payment answers 200 with its ResponseCode and Transactions, and no PaymentPlanID.
         */
        post: operations["RestPlansController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payment plan with its schedule: past charges and the dates to come */
        get: operations["RestPlansController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payment plans, newest first, with cursor pagination */
        get: operations["RestPlansController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan/{id}/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a plan: installment amount, frequency, day of month, dates or payment method
         * @description Absent fields stay as they are. An installment plan re-derives its count from the new amount.
         */
        post: operations["RestPlansController_update"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a plan: its dates are skipped until resumed */
        post: operations["RestPlansController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused plan from the next date after today */
        post: operations["RestPlansController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a plan (final) */
        post: operations["RestPlansController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        OutletRef: {
            /** @example 6011000551245 */
            MerchantID: string;
            /** @example 001 */
            StoreID: string;
            /** @example 002 */
            TerminalID: string;
        };
        PatientInput: {
            /** @example P-1001 */
            PatientID?: string;
            /** @example MRN-1001 */
            AccountNumber?: string;
            /** @example Pat */
            FirstName?: string;
            /** @example Doe */
            LastName?: string;
            /** @example 1980-04-02 */
            BirthDate?: string;
        };
        CardInput: {
            /**
             * @example key
             * @enum {string}
             */
            EntryMode?: "key" | "swipe" | "emv" | "nfc" | "token";
            /**
             * @description 13–19 digits; never stored or returned
             * @example 4111111111111111
             */
            CardNumber?: string;
            /**
             * @description MM/YY, MM-YY, MMYY or MM/YYYY
             * @example 06/28
             */
            Expiration?: string;
            /** @example 6 */
            ExpirationMonth?: string;
            /** @example 2028 */
            ExpirationYear?: string;
            /**
             * @description Passed to the processor, never stored
             * @example 123
             */
            CVN?: string;
            /** @example Pat Doe */
            CardHolderName?: string;
            /** @description ISO/IEC 7813 track 1 and/or 2 as a keyboard-emulation reader types it (EntryMode swipe) */
            TrackData?: string;
            /**
             * @description payments.md entry modes; derived from EntryMode when absent
             * @example NotPresentInternet
             */
            CardPresentStatus?: string;
        };
        ECheckInput: {
            /**
             * @description 9 digits with a valid ABA check digit
             * @example 011000015
             */
            RoutingNumber: string;
            /**
             * @description 4–17 digits; only the last four are kept
             * @example 123456789
             */
            AccountNumber: string;
            /**
             * @example Checking
             * @enum {string}
             */
            AccountType?: "Checking" | "Savings";
            /** @example 1042 */
            CheckNumber?: string;
            /** @example Pat Doe */
            AccountHolderName?: string;
            /**
             * @example NotPresent
             * @enum {string}
             */
            CheckPresentStatus?: "Present" | "NotPresent";
        };
        PaymentRequest: {
            Outlet: components["schemas"]["OutletRef"];
            Patient?: components["schemas"]["PatientInput"];
            /** @example INV-2231 */
            AdditionalInfo1?: string;
            AdditionalInfo2?: string;
            AdditionalInfo3?: string;
            AdditionalInfo4?: string;
            AdditionalInfo5?: string;
            AdditionalInfo6?: string;
            /**
             * @description Decimal string, at most 2 places
             * @example 25.00
             */
            Amount: string;
            /**
             * @example Card
             * @enum {string}
             */
            PaymentMethod?: "Card" | "OnFile" | "ECheck";
            /**
             * @example CreditCard
             * @enum {string}
             */
            TransactionType?: "CreditCard" | "DebitCard";
            /**
             * @description With PaymentMethod OnFile
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentMethodID?: string;
            Card?: components["schemas"]["CardInput"];
            ECheck?: components["schemas"]["ECheckInput"];
            /**
             * @description Accept an approval for less than requested (010)
             * @example false
             */
            AllowPartialPayment?: boolean;
            /**
             * @description Also store the card; answers PaymentMethodID
             * @example false
             */
            SaveOnFile?: boolean;
        };
        CardOutput: {
            /** @enum {string} */
            Brand: "VISA" | "MASTERCARD" | "AMEX" | "DISCOVER" | "OTHER";
            /** @example 411111 */
            BIN: string;
            /** @example 1111 */
            LastFour: string;
            /** @example 6 */
            ExpirationMonth: number;
            /** @example 2028 */
            ExpirationYear: number;
            CardHolderName?: string;
            /** @enum {string} */
            PaymentCardType: "CREDIT" | "DEBIT";
            /** @enum {string} */
            EntryMode: "Keyed" | "Swiped" | "Chip" | "Contactless" | "OnFile";
            IsEMVTransaction: boolean;
            IsEMVVerifiedByPIN: boolean;
        };
        ECheckOutput: {
            /** @example 011000015 */
            RoutingNumber: string;
            /** @example 6789 */
            AccountLastFour: string;
            AccountType?: string;
            CheckNumber?: string;
        };
        PaymentResponse: {
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            TransactionID: string;
            /**
             * @example C
             * @enum {string}
             */
            TransactionStatus: "A" | "C" | "O" | "D" | "V" | "X" | "S" | "SE" | "RI" | "CB";
            /**
             * @description payments.md response codes; a decline is a 200 with a non-approval code
             * @example 000
             */
            ResponseCode: string;
            /** @example APPROVED */
            ResponseMessage: string;
            /** @example Sale */
            TransactionAction: string;
            /** @example CreditCard */
            TransactionType: string;
            /** @example A3807B */
            AuthorizationNumber?: string;
            /** @example I AGREE TO PAY THE ABOVE AMOUNT ACCORDING TO MY CARD HOLDER AGREEMENT. */
            AuthorizationText?: string;
            /** @example 25.00 */
            Amount: string;
            /** @example 25.00 */
            RequestAmount: string;
            /** @example false */
            IsPartiallyApproved: boolean;
            /** @example 12.55 */
            PartialApprovalAmount?: string;
            /** @example 2026-11-23T18:12:31.1020000Z */
            TransactionDate: string;
            Outlet: components["schemas"]["OutletRef"];
            Card?: components["schemas"]["CardOutput"];
            ECheck?: components["schemas"]["ECheckOutput"];
            PaymentMethodID?: string;
            SaveOnFileTransactionID?: string;
            PrimaryTransactionID?: string;
            /** @example C */
            PrimaryTransactionStatus?: string;
            /** @example 0.00 */
            RefundedAmount?: string;
            Patient?: components["schemas"]["PatientInput"];
        };
        FieldErrorOutput: {
            /** @example Amount */
            Field: string;
            /** @example amount must be a positive decimal with at most 2 places */
            Message: string;
        };
        ErrorResponse: {
            /** @example 400 */
            ErrorCode: number;
            /** @example amount must be a positive decimal with at most 2 places */
            ErrorMessage: string;
            /**
             * @description 10 characters; logged with the cause for support
             * @example K7Q2M9XW4P
             */
            ReferenceNumber: string;
            Errors: components["schemas"]["FieldErrorOutput"][];
        };
        SecondaryRequest: {
            Outlet: components["schemas"]["OutletRef"];
            Patient?: components["schemas"]["PatientInput"];
            /** @example INV-2231 */
            AdditionalInfo1?: string;
            AdditionalInfo2?: string;
            AdditionalInfo3?: string;
            AdditionalInfo4?: string;
            AdditionalInfo5?: string;
            AdditionalInfo6?: string;
            /**
             * @description The primary transaction
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            TransactionID: string;
            /**
             * @description Defaults to the whole (remaining) amount
             * @example 10.00
             */
            Amount?: string;
        };
        TransactionDetail: {
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            TransactionID: string;
            /**
             * @example C
             * @enum {string}
             */
            TransactionStatus: "A" | "C" | "O" | "D" | "V" | "X" | "S" | "SE" | "RI" | "CB";
            /**
             * @description payments.md response codes; a decline is a 200 with a non-approval code
             * @example 000
             */
            ResponseCode: string;
            /** @example APPROVED */
            ResponseMessage: string;
            /** @example Sale */
            TransactionAction: string;
            /** @example CreditCard */
            TransactionType: string;
            /** @example A3807B */
            AuthorizationNumber?: string;
            /** @example I AGREE TO PAY THE ABOVE AMOUNT ACCORDING TO MY CARD HOLDER AGREEMENT. */
            AuthorizationText?: string;
            /** @example 25.00 */
            Amount: string;
            /** @example 25.00 */
            RequestAmount: string;
            /** @example false */
            IsPartiallyApproved: boolean;
            /** @example 12.55 */
            PartialApprovalAmount?: string;
            /** @example 2026-11-23T18:12:31.1020000Z */
            TransactionDate: string;
            Outlet: components["schemas"]["OutletRef"];
            Card?: components["schemas"]["CardOutput"];
            ECheck?: components["schemas"]["ECheckOutput"];
            PaymentMethodID?: string;
            SaveOnFileTransactionID?: string;
            PrimaryTransactionID?: string;
            /** @example C */
            PrimaryTransactionStatus?: string;
            /** @example 0.00 */
            RefundedAmount?: string;
            Patient?: components["schemas"]["PatientInput"];
            SecondaryTransactions: components["schemas"]["PaymentResponse"][];
            /** @enum {string|null} */
            WorkflowStatus: "PENDING" | "COMPLETE" | "PENDING_POSTING_RETRY" | "POSTING_ERROR" | null;
        };
        TransactionPage: {
            Transactions: components["schemas"]["PaymentResponse"][];
            /** @description Pass as Cursor for the next page; null on the last */
            NextCursor: Record<string, never> | null;
        };
        PaymentPlanRequest: {
            Outlet: components["schemas"]["OutletRef"];
            Patient?: components["schemas"]["PatientInput"];
            /** @example INV-2231 */
            AdditionalInfo1?: string;
            AdditionalInfo2?: string;
            AdditionalInfo3?: string;
            AdditionalInfo4?: string;
            AdditionalInfo5?: string;
            AdditionalInfo6?: string;
            /**
             * @description SaveOnFile only stores the card ($0 verification) and answers a transaction
             * @example Installment
             * @enum {string}
             */
            PaymentPlanType: "SaveOnFile" | "Installment" | "Recurring";
            /**
             * @description Installment plans: the balance to collect
             * @example 300.00
             */
            TotalAmount?: string;
            /**
             * @description Charged at creation, counted toward the total
             * @example 50.00
             */
            DownPaymentAmount?: string;
            /**
             * @description Each scheduled charge; installment plans: give it or InstallmentCount
             * @example 100.00
             */
            InstallmentAmount?: string;
            /**
             * @description Installment plans: derives the amount when given
             * @example 3
             */
            InstallmentCount?: number;
            /**
             * @example Monthly
             * @enum {string}
             */
            Frequency?: "Weekly" | "BiWeekly" | "Monthly" | "Quarterly" | "Annually";
            /**
             * @description First scheduled charge; merchant-local, today or later
             * @example 2026-12-15
             */
            StartDate?: string;
            /**
             * @description Monthly and longer: 1–31 (short months: their last day)
             * @example 15
             */
            DayOfMonth?: number;
            /**
             * @description Recurring plans: the last date
             * @example 2027-12-15
             */
            EndDate?: string;
            /**
             * @example Card
             * @enum {string}
             */
            PaymentMethod?: "Card" | "OnFile" | "ECheck";
            /**
             * @example CreditCard
             * @enum {string}
             */
            TransactionType?: "CreditCard" | "DebitCard";
            /**
             * @description With PaymentMethod OnFile
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentMethodID?: string;
            Card?: components["schemas"]["CardInput"];
            ECheck?: components["schemas"]["ECheckInput"];
            /**
             * @description Or Patient.PatientID
             * @example P-1001
             */
            PatientID?: string;
            /**
             * @description Or Patient.FirstName
             * @example Pat
             */
            PatientFirstName?: string;
            /**
             * @description Or Patient.LastName
             * @example Doe
             */
            PatientLastName?: string;
        };
        PlanPaymentMethodOutput: {
            /**
             * @example Card
             * @enum {string}
             */
            Type: "Card" | "ECheck";
            /** @example VISA */
            Brand?: string;
            /** @example 411111 */
            BIN?: string;
            /** @example 1111 */
            LastFour?: string;
            /** @example 12 */
            ExpirationMonth?: number;
            /** @example 2029 */
            ExpirationYear?: number;
            /** @example 011000015 */
            RoutingNumber?: string;
            /** @example 6789 */
            AccountLastFour?: string;
            /** @example Checking */
            AccountType?: string;
        };
        PastChargeOutput: {
            /** @example 1 */
            Sequence: number;
            /** @example 1 */
            Attempt: number;
            /** @enum {string} */
            Kind: "SCHEDULED" | "RETRY" | "CHARGE_NOW" | "DOWN_PAYMENT" | "REPRESENTMENT";
            /** @example 2026-12-15 */
            DueDate: string;
            /** @example 100.00 */
            Amount: string;
            /** @enum {string} */
            Status: "PENDING" | "APPROVED" | "DECLINED" | "RETURNED";
            /** @example 000 */
            ResponseCode?: string;
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            TransactionID?: string;
            /** @example C */
            TransactionStatus?: string;
            /** @example 2026-12-15T11:00:02.0000000Z */
            ChargedDate?: string;
        };
        UpcomingChargeOutput: {
            /** @example 2 */
            Sequence: number;
            /** @example 2027-01-15 */
            Date: string;
            /** @example 100.00 */
            Amount: string;
        };
        PlanScheduleOutput: {
            Past: components["schemas"]["PastChargeOutput"][];
            /** @description At most 24 dates */
            Upcoming: components["schemas"]["UpcomingChargeOutput"][];
        };
        PaymentPlanCreated: {
            /** @example 5F1C0B7E2D9A4C36B8E1A0F4D3C2B1A0 */
            PaymentPlanID: string;
            /** @enum {string} */
            PaymentPlanType: "Installment" | "Recurring";
            /**
             * @example Active
             * @enum {string}
             */
            Status: "Active" | "Paused" | "PastDue" | "Completed" | "Cancelled";
            Outlet: components["schemas"]["OutletRef"];
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            PaymentMethodID: string;
            PaymentMethod: components["schemas"]["PlanPaymentMethodOutput"];
            /** @example P-1001 */
            PatientID?: string;
            /** @example Pat */
            PatientFirstName?: string;
            /** @example Doe */
            PatientLastName?: string;
            /** @example INV-2231 */
            AdditionalInfo1?: string;
            /** @example 300.00 */
            TotalAmount?: string;
            /** @example 50.00 */
            DownPaymentAmount?: string;
            /** @example 100.00 */
            InstallmentAmount: string;
            /** @example 3 */
            InstallmentCount?: number;
            /**
             * @example Monthly
             * @enum {string}
             */
            Frequency: "Weekly" | "BiWeekly" | "Monthly" | "Quarterly" | "Annually";
            /** @example 2026-12-15 */
            StartDate: string;
            /** @example 15 */
            DayOfMonth?: number;
            /** @example 2027-12-15 */
            EndDate?: string;
            /** @example 2026-12-15 */
            NextPaymentDate: Record<string, never> | null;
            /** @example 0 */
            InstallmentsPaid: number;
            /** @example 50.00 */
            AmountPaid: string;
            /** @example 250.00 */
            RemainingBalance?: string;
            /** @example 0 */
            FailedAttempts: number;
            /** @example 2026-12-02T05:12:31.1020000Z */
            CreatedDate: string;
            Schedule: components["schemas"]["PlanScheduleOutput"];
            /**
             * @description A declined down payment: its code, and no plan
             * @example 000
             */
            ResponseCode: string;
            /** @example Success */
            ResponseMessage: string;
            /** @description The down payment, when one was taken */
            Transactions: components["schemas"]["PaymentResponse"][];
        };
        PaymentPlanDetailOutput: {
            /** @example 5F1C0B7E2D9A4C36B8E1A0F4D3C2B1A0 */
            PaymentPlanID: string;
            /** @enum {string} */
            PaymentPlanType: "Installment" | "Recurring";
            /**
             * @example Active
             * @enum {string}
             */
            Status: "Active" | "Paused" | "PastDue" | "Completed" | "Cancelled";
            Outlet: components["schemas"]["OutletRef"];
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            PaymentMethodID: string;
            PaymentMethod: components["schemas"]["PlanPaymentMethodOutput"];
            /** @example P-1001 */
            PatientID?: string;
            /** @example Pat */
            PatientFirstName?: string;
            /** @example Doe */
            PatientLastName?: string;
            /** @example INV-2231 */
            AdditionalInfo1?: string;
            /** @example 300.00 */
            TotalAmount?: string;
            /** @example 50.00 */
            DownPaymentAmount?: string;
            /** @example 100.00 */
            InstallmentAmount: string;
            /** @example 3 */
            InstallmentCount?: number;
            /**
             * @example Monthly
             * @enum {string}
             */
            Frequency: "Weekly" | "BiWeekly" | "Monthly" | "Quarterly" | "Annually";
            /** @example 2026-12-15 */
            StartDate: string;
            /** @example 15 */
            DayOfMonth?: number;
            /** @example 2027-12-15 */
            EndDate?: string;
            /** @example 2026-12-15 */
            NextPaymentDate: Record<string, never> | null;
            /** @example 0 */
            InstallmentsPaid: number;
            /** @example 50.00 */
            AmountPaid: string;
            /** @example 250.00 */
            RemainingBalance?: string;
            /** @example 0 */
            FailedAttempts: number;
            /** @example 2026-12-02T05:12:31.1020000Z */
            CreatedDate: string;
            Schedule: components["schemas"]["PlanScheduleOutput"];
        };
        PaymentPlanOutput: {
            /** @example 5F1C0B7E2D9A4C36B8E1A0F4D3C2B1A0 */
            PaymentPlanID: string;
            /** @enum {string} */
            PaymentPlanType: "Installment" | "Recurring";
            /**
             * @example Active
             * @enum {string}
             */
            Status: "Active" | "Paused" | "PastDue" | "Completed" | "Cancelled";
            Outlet: components["schemas"]["OutletRef"];
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            PaymentMethodID: string;
            PaymentMethod: components["schemas"]["PlanPaymentMethodOutput"];
            /** @example P-1001 */
            PatientID?: string;
            /** @example Pat */
            PatientFirstName?: string;
            /** @example Doe */
            PatientLastName?: string;
            /** @example INV-2231 */
            AdditionalInfo1?: string;
            /** @example 300.00 */
            TotalAmount?: string;
            /** @example 50.00 */
            DownPaymentAmount?: string;
            /** @example 100.00 */
            InstallmentAmount: string;
            /** @example 3 */
            InstallmentCount?: number;
            /**
             * @example Monthly
             * @enum {string}
             */
            Frequency: "Weekly" | "BiWeekly" | "Monthly" | "Quarterly" | "Annually";
            /** @example 2026-12-15 */
            StartDate: string;
            /** @example 15 */
            DayOfMonth?: number;
            /** @example 2027-12-15 */
            EndDate?: string;
            /** @example 2026-12-15 */
            NextPaymentDate: Record<string, never> | null;
            /** @example 0 */
            InstallmentsPaid: number;
            /** @example 50.00 */
            AmountPaid: string;
            /** @example 250.00 */
            RemainingBalance?: string;
            /** @example 0 */
            FailedAttempts: number;
            /** @example 2026-12-02T05:12:31.1020000Z */
            CreatedDate: string;
        };
        PaymentPlanPage: {
            PaymentPlans: components["schemas"]["PaymentPlanOutput"][];
            /** @description Pass as Cursor for the next page; null on the last */
            NextCursor: Record<string, never> | null;
        };
        PaymentPlanUpdateRequest: {
            /** @example 75.00 */
            InstallmentAmount?: string;
            /**
             * @example BiWeekly
             * @enum {string}
             */
            Frequency?: "Weekly" | "BiWeekly" | "Monthly" | "Quarterly" | "Annually";
            /** @example 1 */
            DayOfMonth?: number;
            /**
             * @description Recurring plans
             * @example 2027-06-30
             */
            EndDate?: string;
            /**
             * @description The schedule restarts from this date
             * @example 2027-01-05
             */
            NextPaymentDate?: string;
            /** @enum {string} */
            PaymentMethod?: "Card" | "OnFile" | "ECheck";
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            PaymentMethodID?: string;
            Card?: components["schemas"]["CardInput"];
            ECheck?: components["schemas"]["ECheckInput"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    RestPaymentsController_sale: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentRequest"];
            };
        };
        responses: {
            /** @description Approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPaymentsController_authorization: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentRequest"];
            };
        };
        responses: {
            /** @description Approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPaymentsController_capture: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondaryRequest"];
            };
        };
        responses: {
            /** @description Approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPaymentsController_void: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondaryRequest"];
            };
        };
        responses: {
            /** @description Approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPaymentsController_refundSimple: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondaryRequest"];
            };
        };
        responses: {
            /** @description Approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPaymentsController_refund: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentRequest"];
            };
        };
        responses: {
            /** @description Approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPaymentsController_transaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionDetail"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPaymentsController_transactions: {
        parameters: {
            query?: {
                /** @description NextCursor of the previous page */
                Cursor?: unknown;
                /** @description 1–200 */
                Limit?: unknown;
                PatientID?: unknown;
                To?: unknown;
                From?: unknown;
                Status?: "A" | "C" | "O" | "D" | "V" | "X" | "S" | "SE" | "RI" | "CB";
                TerminalID?: unknown;
                StoreID?: unknown;
                MerchantID?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionPage"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPlansController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentPlanRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanCreated"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPlansController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanDetailOutput"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPlansController_list: {
        parameters: {
            query?: {
                /** @description NextCursor of the previous page */
                Cursor?: unknown;
                /** @description 1–200 */
                Limit?: unknown;
                /** @description One or several, comma-separated */
                Status?: "Active" | "Paused" | "PastDue" | "Completed" | "Cancelled";
                PatientID?: unknown;
                TerminalID?: unknown;
                StoreID?: unknown;
                MerchantID?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanPage"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPlansController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentPlanUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanDetailOutput"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPlansController_pause: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanDetailOutput"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPlansController_resume: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanDetailOutput"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RestPlansController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanDetailOutput"];
                };
            };
            /** @description Missing or invalid field: the message names the field and the rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or invalid Api-Key / Api-Secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description IP address not allowed; credential restricted from this merchant; merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with a different body or still in flight; illegal state move */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit for this credential; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error; quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
