// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IResaleMarket} from "./interfaces/IResaleMarket.sol";
import {CodeStore} from "./libraries/CodeStore.sol";
import {EventConfig, TierConfig, TransferMode} from "./interfaces/ITicketTypes.sol";

/// @title TicketFactory
/// @notice Deploys one EventTicket per event; the chain's official ResaleMarket is deployed just before
/// it (trusting this factory's address, predicted from the deployer's nonce) and linked here.
/// `EventCreated` is how indexers discover events.
/// @dev EIP-170 caps runtime code at 24,576 bytes, and embedding EventTicket's creation code
/// (`new EventTicket`) made this contract's runtime as large as that code (21.8 KB): every byte
/// EventTicket grew, the factory grew too. Instead the constructor receives EventTicket's creation
/// code once and stores it in one or two data contracts (`CodeStore`), which `_create` copies back
/// (EXTCODECOPY, ~3k gas more per event). The market and its Waitlist are deployed beforehand.
/// @dev Full deploys, not clones: tier and event rules are immutables, so every transfer reads
/// them from code instead of storage (a clone would pay a cold SLOAD per rule on every transfer).
/// @dev The owner (the deployer) only sets `metadataBase`: one string for every event, read by each
/// EventTicket's `tokenURI` / `contractURI`, so creating an event stores no URL.
contract TicketFactory is Ownable {
    /// @notice Default length of an event created with `createEvent` (no end time given).
    uint64 public constant DEFAULT_DURATION = 1 days;

    /// @notice The official resale market for every event of this factory.
    address public immutable market;
    /// @dev Data contracts holding EventTicket's creation code (`_ticketCodeB` zero when one suffices).
    address private immutable _ticketCodeA;
    address private immutable _ticketCodeB;
    /// @notice Every event ever created, in creation order.
    address[] public events;
    /// @notice True for tickets deployed by this factory.
    mapping(address ticket => bool) public isEvent;
    /// @notice URL of the metadata server, without a trailing slash (e.g. `https://tickets.example.org`):
    /// events answer `tokenURI(id)` = `<base>/metadata/<chainId>/<event>/<id>`. Empty: no metadata.
    string public metadataBase;

    error TicketFactoryEmptyName();
    /// @notice The market given to the constructor does not name this factory as its own.
    error TicketFactoryMarketMismatch(address market, address marketFactory);
    error TicketFactoryNoTicketCode();
    /// @notice EventTicket's constructor refused the event (its revert data is bubbled when present).
    error TicketFactoryCreateFailed();
    /// @notice A metadata base ending in `/` would give URLs with `//`.
    error TicketFactoryBadMetadataBase();

    event EventCreated(
        address indexed ticket, address indexed organizer, uint256 indexed eventId, string name, uint64 startTime
    );
    /// @notice Every event's `tokenURI` and `contractURI` now start with `base`.
    event MetadataBaseChanged(string base);

    /// @param market_ A ResaleMarket deployed with this factory's (predicted) address: the link is
    /// checked both ways, so the market trusts only this factory's events and vice versa.
    /// @param ticketCreationCode EventTicket's creation code (`type(EventTicket).creationCode`, the
    /// compiled artifact's bytecode), without constructor arguments.
    constructor(address market_, bytes memory ticketCreationCode) Ownable(msg.sender) {
        address marketFactory = address(IResaleMarket(market_).factory());
        if (marketFactory != address(this)) revert TicketFactoryMarketMismatch(market_, marketFactory);
        if (ticketCreationCode.length == 0) revert TicketFactoryNoTicketCode();
        market = market_;
        (_ticketCodeA, _ticketCodeB) = CodeStore.write(ticketCreationCode);
    }

    /// @notice Creates a simple event owned by the caller: one free-transfer tier 0 with face value 0,
    /// the largest supply, zone 1, no resale above 0, ending `DEFAULT_DURATION` after `startTime`.
    /// @return ticket The new event's ERC-721 contract.
    function createEvent(string calldata name, string calldata symbol, uint64 startTime)
        external
        returns (address ticket)
    {
        TierConfig[] memory tiers = new TierConfig[](1);
        tiers[0] = TierConfig({
            faceValue: 0, supply: type(uint24).max, zones: 1, mode: TransferMode.Free, resaleCapBps: 0, voucherOnly: false,
            reserved: false
        });
        EventConfig memory cfg = EventConfig({
            name: name,
            symbol: symbol,
            startTime: startTime,
            endTime: startTime + DEFAULT_DURATION,
            lockWindow: 0,
            maxPerWallet: 0,
            maxPerIdentity: 0,
            royaltyBps: 0,
            voucherSigner: address(0),
            currency: address(0)
        });
        return _create(cfg, tiers);
    }

    /// @notice Creates an event owned by the caller with explicit rules and up to 8 tiers.
    /// @return ticket The new event's ERC-721 contract.
    function createEventWithTiers(EventConfig calldata cfg, TierConfig[] calldata tiers)
        external
        returns (address ticket)
    {
        return _create(cfg, tiers);
    }

    /// @notice Owner sets the metadata server's URL for every event (empty turns metadata off).
    function setMetadataBase(string calldata base) external onlyOwner {
        uint256 n = bytes(base).length;
        if (n != 0 && bytes(base)[n - 1] == "/") revert TicketFactoryBadMetadataBase();
        metadataBase = base;
        emit MetadataBaseChanged(base);
    }

    /// @notice ERC-7572 metadata URL of event `ticket`: `<base>/metadata/<chainId>/<ticket, lowercase hex>`.
    /// @dev Built here, not in EventTicket, whose code is near the EIP-170 limit.
    function contractURIOf(address ticket) public view returns (string memory) {
        string memory base = metadataBase;
        if (bytes(base).length == 0) return "";
        return string.concat(base, "/metadata/", Strings.toString(block.chainid), "/", Strings.toHexString(ticket));
    }

    /// @notice ERC-721 metadata URL of `ticket`'s token `tokenId`: `contractURIOf(ticket)/<tokenId decimal>`.
    function tokenURIOf(address ticket, uint256 tokenId) external view returns (string memory) {
        string memory uri = contractURIOf(ticket);
        if (bytes(uri).length == 0) return "";
        return string.concat(uri, "/", Strings.toString(tokenId));
    }

    /// @notice Number of events created.
    function eventCount() external view returns (uint256) {
        return events.length;
    }

    function _create(EventConfig memory cfg, TierConfig[] memory tiers) private returns (address ticket) {
        if (bytes(cfg.name).length == 0) revert TicketFactoryEmptyName();
        bytes memory init = CodeStore.read(_ticketCodeA, _ticketCodeB, abi.encode(msg.sender, market, cfg, tiers));
        assembly ("memory-safe") {
            ticket := create(0, add(init, 0x20), mload(init))
        }
        if (ticket == address(0)) {
            assembly ("memory-safe") {
                let n := returndatasize()
                if n {
                    let p := mload(0x40)
                    returndatacopy(p, 0, n)
                    revert(p, n)
                }
            }
            revert TicketFactoryCreateFailed();
        }
        uint256 eventId = events.length;
        events.push(ticket);
        isEvent[ticket] = true;
        emit EventCreated(ticket, msg.sender, eventId, cfg.name, cfg.startTime);
    }
}
